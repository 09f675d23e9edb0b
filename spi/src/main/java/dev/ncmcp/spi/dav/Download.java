package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;

import java.net.URLConnection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A file read over WebDAV within a size limit, checked on the stored size before anything is downloaded and
 * again on what arrives.
 *
 * @param entry    the file's properties (size, type, etag, modification time)
 * @param mimeType the stored type ({@code getcontenttype}) without parameters: Nextcloud serves some types
 *                 (SVG, YAML, HTML…) as {@code text/plain} on download, so the download's header is only a fallback
 * @param etag     the version of what was downloaded
 * @param bytes    the content
 */
public record Download(DavEntry entry, String mimeType, Optional<String> etag, byte[] bytes) {

    private static final List<QName> PROPERTIES = List.of(QName.dav("getcontentlength"), QName.dav("getcontenttype"),
            QName.dav("getetag"), QName.dav("getlastmodified"), QName.dav("resourcetype"));

    /**
     * @param path  the encoded DAV path of the file
     * @param limit the most bytes to pass on
     * @param about how messages name the file for the model ({@code /Docs/a.pdf}, {@code attachment 'x.png'})
     * @return the file, or empty when nothing exists at the path
     * @throws ToolException INVALID_ARGUMENT for a folder, TOO_LARGE above the limit, else Nextcloud's refusal
     */
    public static Optional<Download> read(NextcloudClient client, String path, long limit, String about)
            throws ToolException {
        NextcloudResponse found = client.send(Dav.propfind(path, 0, PROPERTIES));
        if (found.status() == 404) {
            return Optional.empty();
        }
        if (isRedirectToFolder(found)) {
            throw folder(about);
        }
        List<DavEntry> entries = Multistatus.read(Answer.of(found).about(about).expect(207));
        if (entries.isEmpty()) {
            throw ToolException.upstream("Nextcloud answered the lookup of " + about + " without an entry");
        }
        DavEntry entry = entries.getFirst();
        if (entry.collection()) {
            throw folder(about);
        }
        long declared = entry.dav("getcontentlength").map(Download::number).orElse(-1L);
        if (declared > limit) {
            throw tooLarge(about, declared, limit);
        }
        NextcloudResponse download = client.send(NextcloudRequest.get(path).build());
        if (download.status() == 404) {
            return Optional.empty();
        }
        byte[] bytes = Answer.of(download).about(about).expect(200).body();
        if (bytes.length > limit) {
            throw tooLarge(about, bytes.length, limit);
        }
        String mime = entry.dav("getcontenttype")
                .or(() -> download.header("Content-Type"))
                .map(Download::withoutParameters)
                .filter(type -> !type.isEmpty() && !type.equals("application/octet-stream"))
                .orElseGet(() -> guess(path));
        Optional<String> etag = download.header("ETag").or(() -> entry.dav("getetag")).filter(tag -> !tag.isBlank());
        return Optional.of(new Download(entry, mime, etag, bytes));
    }

    /** Apache's mod_dir answers a folder addressed without its trailing slash with a redirect. */
    private static boolean isRedirectToFolder(NextcloudResponse response) {
        int status = response.status();
        return (status == 301 || status == 302 || status == 307 || status == 308)
                && response.header("Location").map(location -> location.endsWith("/")).orElse(false);
    }

    private static ToolException folder(String about) {
        return ToolException.invalidArgument(about + " is a folder, not a file.");
    }

    private static ToolException tooLarge(String about, long size, long limit) {
        return ToolException.tooLarge(about + " is " + size + " bytes, more than the " + limit
                + " bytes this server passes on. Open it in Nextcloud instead, or ask for a smaller file.");
    }

    /** {@code text/plain; charset=utf-8} → {@code text/plain}. */
    public static String withoutParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    /** The type of a file name, for servers that store none. */
    public static String guess(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "text/markdown";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        String guessed = URLConnection.guessContentTypeFromName(DavPaths.decode(lower));
        return guessed != null ? guessed : "application/octet-stream";
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
