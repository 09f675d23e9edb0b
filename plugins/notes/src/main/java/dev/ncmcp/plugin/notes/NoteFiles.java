package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;

import java.net.URLConnection;
import java.util.List;

/** Reads files next to a note through WebDAV, refusing anything above a size limit before downloading it. */
final class NoteFiles {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final String PROPFIND = """
            <?xml version="1.0" encoding="UTF-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:getcontentlength/><d:getcontenttype/><d:resourcetype/></d:prop></d:propfind>
            """;

    /** A downloaded file. */
    record File(String davPath, String mimeType, byte[] bytes) {
    }

    private final NextcloudClient client;

    NoteFiles(NextcloudClient client) {
        this.client = client;
    }

    File read(Note note, String relativePath) throws ToolException {
        List<String> relative = AttachmentPath.segments(relativePath);
        if (note.internalPath() == null || note.internalPath().isEmpty()) {
            throw ToolException.upstream("Nextcloud Notes did not say where note " + note.id() + " is stored");
        }
        String davPath = AttachmentPath.davPath(client.filesRoot(), AttachmentPath.folderOf(note.internalPath()), relative);

        NextcloudResponse found = client.send(NextcloudRequest.builder("PROPFIND", davPath)
                .header("Depth", "0").xml(PROPFIND).build());
        checkFound(found, note, relativePath);
        List<DavEntry> entries = dev.ncmcp.spi.dav.Multistatus.read(found);
        if (entries.isEmpty()) {
            throw ToolException.upstream("Nextcloud answered the attachment lookup without an entry");
        }
        DavEntry entry = entries.getFirst();
        if (entry.collection()) {
            throw ToolException.invalidArgument("'" + relativePath + "' is a folder next to note " + note.id() + ", not a file");
        }
        long size = entry.dav("getcontentlength").map(NoteFiles::parseLong).orElse(-1L);
        if (size > MAX_BYTES) {
            throw tooLarge(relativePath, size);
        }

        NextcloudResponse download = client.send(NextcloudRequest.get(davPath).build());
        checkFound(download, note, relativePath);
        if (download.body().length > MAX_BYTES) {
            throw tooLarge(relativePath, download.body().length);
        }
        String mime = entry.dav("getcontenttype")
                .or(() -> download.header("Content-Type"))
                .filter(type -> !type.isBlank() && !type.startsWith("application/octet-stream"))
                .orElseGet(() -> guess(relative.getLast()));
        return new File(davPath, stripParameters(mime), download.body());
    }

    private static void checkFound(NextcloudResponse response, Note note, String relativePath) throws ToolException {
        if (response.status() == 404) {
            throw ToolException.notFound("Note " + note.id() + " has no attachment '" + relativePath
                    + "'. Use the path exactly as it appears in the note's markdown link.");
        }
        if (response.status() == 403) {
            throw ToolException.permissionDenied("Nextcloud refused to read attachment '" + relativePath + "'.");
        }
        if (!response.isSuccess()) {
            throw ToolException.upstream("Nextcloud answered HTTP " + response.status() + " reading attachment '" + relativePath + "'.");
        }
    }

    private static ToolException tooLarge(String relativePath, long size) {
        return ToolException.tooLarge("Attachment '" + relativePath + "' is " + size + " bytes; at most "
                + MAX_BYTES + " bytes (5 MiB) can be returned. Open it in Nextcloud instead.");
    }

    private static String guess(String fileName) {
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        if (guessed != null) {
            return guessed;
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "text/markdown";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static String stripParameters(String mime) {
        int semicolon = mime.indexOf(';');
        return (semicolon >= 0 ? mime.substring(0, semicolon) : mime).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
