package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;
import dev.ncmcp.spi.tool.RecordJson;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The caller's files over WebDAV during one call: where they are, and what every tool asks of them. */
final class UserFiles {

    private final ToolInvocation call;
    private final String root;

    private UserFiles(ToolInvocation call, String root) {
        this.call = call;
        this.root = root;
    }

    static UserFiles of(ToolInvocation call) throws NextcloudException {
        return new UserFiles(call, call.nextcloud().filesRoot());
    }

    String root() {
        return root;
    }

    String href(DavPath path, boolean trailingSlash) {
        return path.href(root, trailingSlash);
    }

    /** The absolute URL that MOVE and COPY need as {@code Destination}. */
    String url(DavPath path, boolean trailingSlash) {
        return call.nextcloud().baseUrl().replaceAll("/+$", "") + href(path, trailingSlash);
    }

    NextcloudResponse send(NextcloudRequest request) throws ToolException {
        return call.nextcloud().send(request);
    }

    /** Sends again to the collection's URL when the server redirects there (Apache's mod_dir does). */
    NextcloudResponse sendToPath(Function<Boolean, NextcloudRequest> withTrailingSlash) throws ToolException {
        NextcloudResponse response = send(withTrailingSlash.apply(false));
        boolean toCollection = List.of(301, 302, 307, 308).contains(response.status())
                && response.header("Location").filter(location -> location.endsWith("/")).isPresent();
        return toCollection ? send(withTrailingSlash.apply(true)) : response;
    }

    /** The entries of a Multi-Status that lie in the caller's files. */
    List<FileEntry> entries(NextcloudResponse multistatus) throws ToolException {
        return Multistatus.read(multistatus).stream().flatMap(entry -> DavPath.fromHref(entry.href(), root)
                .map(path -> FileEntry.of(entry, path)).stream()).toList();
    }

    Optional<FileEntry> stat(DavPath path) throws ToolException {
        NextcloudResponse response = sendToPath(slash -> Dav.propfind(href(path, slash), 0, FileEntry.PROPERTIES));
        if (response.status() == 404) {
            return Optional.empty();
        }
        List<FileEntry> entries = entries(Answer.of(response).about(path.path()).expect(207));
        return entries.stream().filter(entry -> entry.path().equals(path.path())).findFirst()
                .or(() -> entries.stream().findFirst());
    }

    /** What exists at a path now, for a conflict's details; null when that cannot be told. */
    JsonValue current(DavPath path) {
        try {
            return stat(path).map(RecordJson::of).orElse(null);
        } catch (ToolException e) {
            return null;
        }
    }

    /** Whether a 409 means a missing parent: Apache gives no reason, Nextcloud says "Parent node does not exist". */
    static boolean saysParentIsMissing(Refusal refusal) {
        return refusal.reason().isEmpty() || refusal.says("does not exist");
    }

    static String because(Refusal refusal) {
        return refusal.reason().map(reason -> " (Nextcloud: " + reason + ").").orElse(".");
    }
}
