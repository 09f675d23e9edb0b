package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

/**
 * SEARCH on {@code /remote.php/dav/} (RFC 5323 basicsearch) in the caller's own files.
 */
final class FileSearch {
    private final FileStore store;
    private final Accounts accounts;
    private final String instanceId;

    FileSearch(FileStore store, Accounts accounts, String instanceId) {
        this.store = store;
        this.accounts = accounts;
        this.instanceId = instanceId;
    }

    SimResponse handle(SimRequest request, String user) {
        Element root = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
        DavSearch search;
        try {
            search = root == null ? null : DavSearch.parse(root).orElse(null);
        } catch (SearchConditions.Unsupported e) {
            return SabreError.response(500, "InvalidArgumentException", e.getMessage());
        }
        if (search == null) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "Invalid search request");
        }
        List<String> scope = PathSegments.of(search.scopeHref());
        if (scope.size() < 2 || !scope.get(0).equals("files") || !scope.get(1).equals(user)) {
            return SabreError.response(400, SabreError.BAD_REQUEST,
                                       "Invalid search scope, only searching in your own files is supported");
        }
        String scopePath = String.join("/", scope.subList(2, scope.size()));
        String prefix = FilesApp.FILES_ROOT + "/" + user + "/";
        String body = store.with(user, tree -> {
            DavProps props = new DavProps(user, accounts.displayName(user), instanceId, store.freeSpace(tree), false);
            FileNode scopeNode = tree.find(scopePath).orElse(null);
            Multistatus ms = new Multistatus();
            if (scopeNode != null) {
                for (FileNode hit : search.run(tree, scopeNode)) {
                    String href = prefix + DavAnswers.encodePath(hit.path()) + (hit.isFolder() ? "/" : "");
                    ms.response(href, props.propStats(hit, search.select()));
                }
            }
            return ms.build();
        });
        return SimResponse.xml(207, body).header("Content-Type", "application/xml; charset=\"utf-8\"");
    }
}
