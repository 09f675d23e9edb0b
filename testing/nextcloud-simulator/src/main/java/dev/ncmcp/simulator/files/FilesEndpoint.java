package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /remote.php/dav/files/<owner>/…} and the legacy {@code /remote.php/webdav/…}: finds whose
 * files are meant and hands the request to the method's handler under the store lock.
 */
final class FilesEndpoint {
    private final FileStore store;
    private final Accounts accounts;
    private final String instanceId;
    private final Map<String, MethodHandler> methods;

    FilesEndpoint(FileStore store, Accounts accounts, NextcloudVersion version, String instanceId) {
        this.store = store;
        this.accounts = accounts;
        this.instanceId = instanceId;
        MethodHandler get = new GetFile();
        MethodHandler moveOrCopy = new MoveOrCopy();
        this.methods = Map.ofEntries(
                Map.entry("OPTIONS", r -> DavAnswers.options(version)),
                Map.entry("GET", get),
                Map.entry("HEAD", get),
                Map.entry("PUT", new PutFile()),
                Map.entry("MKCOL", new MakeCollection()),
                Map.entry("DELETE", new DeleteNode()),
                Map.entry("MOVE", moveOrCopy),
                Map.entry("COPY", moveOrCopy),
                Map.entry("PROPFIND", new Propfind()),
                Map.entry("PROPPATCH", new Proppatch()),
                Map.entry("REPORT", new FavoritesReport()));
    }

    /** {@code path} is below {@code /remote.php/dav/files/}. */
    SimResponse files(SimRequest request, String user) {
        String rest = request.path().substring(FilesApp.FILES_ROOT.length());
        List<String> segments = PathSegments.of(rest);
        if (segments.isEmpty()) {
            return DavRoot.unknownCollection(request);
        }
        String owner = segments.getFirst();
        String inner = rest.substring(rest.indexOf(owner) + owner.length());
        return handle(request, user, owner, FilesApp.FILES_ROOT + "/" + owner + "/", inner);
    }

    /** {@code path} is below {@code /remote.php/webdav}. */
    SimResponse legacy(SimRequest request, String user) {
        String inner = request.path().substring(FilesApp.LEGACY_ROOT.length());
        return handle(request, user, user, FilesApp.LEGACY_ROOT + "/", inner);
    }

    private SimResponse handle(SimRequest request, String user, String owner, String hrefPrefix, String innerPath) {
        String relPath = String.join("/", PathSegments.of(innerPath));
        if (!owner.equals(user)) {
            return foreign(request, owner, hrefPrefix, relPath);
        }
        MethodHandler handler = methods.get(request.method());
        if (handler == null) {
            return DavAnswers.notImplemented(request.method());
        }
        Optional<String> reserved = reservedTarget(request.method(), relPath);
        if (reserved.isPresent()) {
            return SabreError.invalidPath(reserved.get());
        }
        return store.with(user, tree -> {
            long free = store.freeSpace(tree);
            DavProps props = new DavProps(user, accounts.displayName(user), instanceId, free,
                                          request.method().equals("PROPFIND"));
            return handler.handle(new FileRequest(request, tree, props, hrefPrefix, relPath, free));
        });
    }

    /**
     * Looking the target up ({@code ObjectTree::getNodeForPath}, early for every method) refuses a
     * reserved name; MKCOL looks its target up only after checking the parent ({@link MakeCollection}).
     */
    private static Optional<String> reservedTarget(String method, String relPath) {
        if (method.equals("MKCOL") || relPath.isEmpty()) {
            return Optional.empty();
        }
        return FilenameRules.lookupViolation(relPath.substring(relPath.lastIndexOf('/') + 1));
    }

    /** Another user's files: only a PROPFIND of the root shows anything (its resource type). */
    private SimResponse foreign(SimRequest request, String owner, String hrefPrefix, String relPath) {
        if (request.method().equals("PROPFIND") && relPath.isEmpty() && accounts.exists(owner)) {
            List<DavXml.QName> props = DavProps.requested(request).orElse(DavProps.ALLPROP_FOLDER);
            return SimResponse.xml(207, new Multistatus().response(hrefPrefix, DavProps.foreignRoot(props)).build());
        }
        return DavAnswers.notFound(relPath);
    }
}
