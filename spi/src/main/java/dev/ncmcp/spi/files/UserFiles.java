package dev.ncmcp.spi.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.RecordJson;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The caller's files over WebDAV, for one call: where they are (discovered, see
 * {@link NextcloudClient#filesRoot()}), how a {@link FilePath} becomes a request path or a {@code Destination}
 * URL, and the lookups every tool that touches files needs.
 */
public final class UserFiles {

    private final NextcloudClient client;
    private final String root;

    private UserFiles(NextcloudClient client, String root) {
        this.client = client;
        this.root = root;
    }

    public static UserFiles of(NextcloudClient client) throws NextcloudException {
        return new UserFiles(client, client.filesRoot());
    }

    /** The files root, e.g. {@code /remote.php/dav/files/alice/}. */
    public String root() {
        return root;
    }

    /** The request path of a file, or of a folder with {@code trailingSlash}. */
    public String href(FilePath path, boolean trailingSlash) {
        return path.href(root, trailingSlash);
    }

    /** The absolute URL that {@code MOVE} and {@code COPY} need as {@code Destination}. */
    public String url(FilePath path, boolean trailingSlash) {
        return client.baseUrl().replaceAll("/+$", "") + href(path, trailingSlash);
    }

    public NextcloudResponse send(NextcloudRequest request) throws ToolException {
        return client.send(request);
    }

    /**
     * Sends a request addressed without a trailing slash, and again to the collection's URL when the server
     * redirects there (plain WebDAV servers such as Apache's mod_dav do; Nextcloud does not).
     */
    public NextcloudResponse sendToPath(Function<Boolean, NextcloudRequest> withTrailingSlash) throws ToolException {
        NextcloudResponse response = send(withTrailingSlash.apply(false));
        boolean toCollection = List.of(301, 302, 307, 308).contains(response.status())
                && response.header("Location").filter(location -> location.endsWith("/")).isPresent();
        return toCollection ? send(withTrailingSlash.apply(true)) : response;
    }

    /** The entries of a Multi-Status that lie in the caller's files. */
    public List<FileInfo> entries(NextcloudResponse multistatus) throws ToolException {
        return Multistatus.read(multistatus).stream().flatMap(entry -> FilePath.fromHref(entry.href(), root)
                .map(path -> FileInfo.of(entry, path)).stream()).toList();
    }

    /** What is at a path now ({@code PROPFIND}, depth 0), or empty when nothing is. */
    public Optional<FileInfo> stat(FilePath path) throws ToolException {
        NextcloudResponse response = sendToPath(slash -> Dav.propfind(href(path, slash), 0, FileInfo.PROPERTIES));
        if (response.status() == 404) {
            return Optional.empty();
        }
        List<FileInfo> entries = entries(Answer.of(response).about(path.path()).expect(207));
        return entries.stream().filter(entry -> entry.path().equals(path.path())).findFirst()
                .or(() -> entries.stream().findFirst());
    }

    /** What is at a path now as JSON, for a conflict's details; null when that cannot be told. */
    public JsonValue current(FilePath path) {
        try {
            return stat(path).map(RecordJson::of).orElse(null);
        } catch (ToolException e) {
            return null;
        }
    }
}
