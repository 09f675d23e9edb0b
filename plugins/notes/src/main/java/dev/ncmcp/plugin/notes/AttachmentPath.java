package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavPaths;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An attachment path as written in a note ({@code .attachments.123/photo.png}), resolved against the
 * note's folder. It may only point at or below that folder: the model copies these paths from note
 * content, which anyone who can share a note with the user can write.
 */
final class AttachmentPath {

    private AttachmentPath() {
    }

    /**
     * The decoded segments of a relative path.
     *
     * @throws ToolException INVALID_ARGUMENT for absolute paths, URLs, {@code ..} segments and the like
     */
    static List<String> segments(String relative) throws ToolException {
        if (relative == null || relative.isBlank()) {
            throw ToolException.invalidArgument("'path' must be the attachment path used in the note, e.g. .attachments.123/photo.png");
        }
        String decoded;
        try {
            // Markdown links percent-encode spaces; decode once so %2e%2e cannot hide a '..'.
            decoded = URLDecoder.decode(relative.strip().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ToolException.invalidArgument("'path' has a broken percent-encoding: " + relative);
        }
        if (decoded.startsWith("/") || decoded.contains("\\") || decoded.contains("\0") || decoded.contains(":")) {
            throw escaping(relative);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                throw escaping(relative);
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw ToolException.invalidArgument("'path' names the note's folder, not a file: " + relative);
        }
        return List.copyOf(segments);
    }

    /** The folder segments of a note's {@code internalPath} ({@code /Notes/Work/Meeting.md} → Notes, Work). */
    static List<String> folderOf(String internalPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : internalPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? List.of() : List.copyOf(segments.subList(0, segments.size() - 1));
    }

    /** The WebDAV path: the files root (already encoded, ends with '/') plus the encoded segments. */
    static String davPath(String filesRoot, List<String> folder, List<String> relative) {
        List<String> all = new ArrayList<>(folder);
        all.addAll(relative);
        return DavPaths.child(filesRoot, all);
    }

    private static ToolException escaping(String relative) {
        return ToolException.invalidArgument("'path' must stay inside the note's folder (relative, no '..', "
                + "no absolute path or URL): " + relative);
    }
}
