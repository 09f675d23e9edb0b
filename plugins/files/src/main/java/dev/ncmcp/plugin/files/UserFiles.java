package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;
import dev.ncmcp.spi.tool.RecordJson;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The caller's files over WebDAV, for one call: where they are, and the requests every tool shares. */
final class UserFiles {

    /** Builds the request for a path, with or without the trailing slash of a collection. */
    @FunctionalInterface
    interface RequestFor {
        NextcloudRequest build(boolean trailingSlash) throws ToolException;
    }

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

    /** The absolute URL of a path, as the {@code Destination} of MOVE and COPY needs it. */
    String url(DavPath path, boolean trailingSlash) {
        return call.nextcloud().baseUrl().replaceAll("/+$", "") + href(path, trailingSlash);
    }

    NextcloudResponse send(NextcloudRequest request) throws ToolException {
        return call.nextcloud().send(request);
    }

    /**
     * Sends a request addressed without a trailing slash, and again with one when the server redirects to the
     * collection's URL (Apache's mod_dir does; Nextcloud does not).
     */
    NextcloudResponse sendToPath(RequestFor request) throws ToolException {
        NextcloudResponse response = send(request.build(false));
        boolean redirect = switch (response.status()) {
            case 301, 302, 307, 308 -> response.header("Location").map(l -> l.endsWith("/")).orElse(false);
            default -> false;
        };
        return redirect ? send(request.build(true)) : response;
    }

    /** The entries of a Multi-Status that lie in the caller's files. */
    List<FileEntry> entries(NextcloudResponse multistatus) throws ToolException {
        List<FileEntry> entries = new ArrayList<>();
        for (DavEntry entry : Multistatus.read(multistatus)) {
            DavPath.fromHref(entry.href(), root).ifPresent(path -> entries.add(FileEntry.of(entry, path)));
        }
        return entries;
    }

    /** What exists at a path (PROPFIND, depth 0), or empty. */
    Optional<FileEntry> stat(DavPath path) throws ToolException {
        NextcloudResponse response = sendToPath(slash -> Dav.propfind(href(path, slash), 0, FileEntry.PROPERTIES));
        if (response.status() == 404) {
            return Optional.empty();
        }
        List<FileEntry> entries = entries(Answer.of(response).about(path.path()).expect(207));
        return entries.stream().filter(entry -> entry.path().equals(path.path())).findFirst()
                .or(() -> entries.stream().findFirst());
    }

    /**
     * Whether a 409 means that the parent folder is missing, as it does for Apache (which gives no reason) and
     * Nextcloud's "Parent node does not exist"; Nextcloud gives other reasons for other conflicts.
     */
    static boolean saysParentIsMissing(Refusal refusal) {
        return refusal.reason().isEmpty() || refusal.says("does not exist");
    }

    /** What exists at a path now, for a conflict's details; null when that cannot be told. */
    JsonValue current(DavPath path) {
        try {
            return stat(path).<JsonValue>map(RecordJson::of).orElse(null);
        } catch (ToolException e) {
            return null;
        }
    }
}
