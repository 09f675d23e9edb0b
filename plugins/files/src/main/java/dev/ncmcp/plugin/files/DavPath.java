package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A path inside the caller's files, always normalised: {@code /} for the root, otherwise
 * {@code /a/b} without a trailing slash. The one place where user input becomes a WebDAV URL and
 * where WebDAV hrefs become user paths again.
 *
 * <p>Accepts {@code /a/b}, {@code a/b}, {@code ./a}, {@code a//b/}; resolves {@code .} and
 * {@code ..} but rejects any path whose {@code ..} would leave the files root, and rejects control
 * characters. Each segment is percent-encoded for the URL (everything but RFC 3986 unreserved
 * characters), so spaces, {@code #}, {@code ?}, {@code %} and non-ASCII names survive.
 */
final class DavPath {

    static final DavPath ROOT = new DavPath(List.of());

    private static final int MAX_LENGTH = 4096;

    private final List<String> segments;

    private DavPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Normalises a user-supplied path.
     *
     * @param argument the argument name, for error messages
     * @param raw      the path as given; null or blank means the root
     */
    static DavPath parse(String argument, String raw) throws ToolException {
        if (raw == null || raw.isBlank()) {
            return ROOT;
        }
        if (raw.length() > MAX_LENGTH) {
            throw ToolException.invalidArgument("'" + argument + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ToolException.invalidArgument("'" + argument
                        + "' contains a control character (such as NUL or a line break); file names cannot contain them");
            }
        }
        List<String> result = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (result.isEmpty()) {
                    throw ToolException.invalidArgument("'" + argument + "' (" + raw
                            + ") points outside your files: '..' cannot go above the root folder '/'");
                }
                result.removeLast();
                continue;
            }
            result.add(segment);
        }
        return new DavPath(result);
    }

    /** Builds a path from decoded segments that are known to be valid (hrefs of the server). */
    static DavPath of(List<String> segments) {
        return new DavPath(segments);
    }

    /**
     * Maps a decoded href of a Multi-Status response back to a user path.
     *
     * @param href      decoded href ({@link dev.ncmcp.spi.nextcloud.DavEntry#href()}), a path or an absolute URL
     * @param filesRoot the caller's files root, e.g. {@code /remote.php/dav/files/alice/}
     * @return the user path, or empty when the href is not below the files root
     */
    static Optional<DavPath> fromHref(String href, String filesRoot) {
        String path = stripOrigin(href);
        String root = stripOrigin(filesRoot);
        if (!path.startsWith(root) && root.contains("%")) {
            root = decodeLenient(root);
        }
        if (!root.endsWith("/")) {
            root = root + "/";
        }
        String rootWithoutSlash = root.substring(0, root.length() - 1);
        String rest;
        if (path.equals(rootWithoutSlash) || path.equals(root)) {
            rest = "";
        } else if (path.startsWith(root)) {
            rest = path.substring(root.length());
        } else {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return Optional.empty();
            }
            result.add(segment);
        }
        return Optional.of(new DavPath(result));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    List<String> segments() {
        return segments;
    }

    /** The last segment, or empty for the root. */
    String name() {
        return segments.isEmpty() ? "" : segments.getLast();
    }

    DavPath parent() {
        return segments.isEmpty() ? this : new DavPath(segments.subList(0, segments.size() - 1));
    }

    DavPath child(String name) {
        List<String> next = new ArrayList<>(segments);
        next.add(name);
        return new DavPath(next);
    }

    /** Whether {@code other} is this path or lies below it. */
    boolean contains(DavPath other) {
        return other.segments.size() >= segments.size()
                && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** The path the user sees: {@code /} or {@code /a/b}. */
    String path() {
        return "/" + String.join("/", segments);
    }

    /** The percent-encoded segments joined by {@code /}, without leading slash ({@code a%20b/c}). */
    String encoded() {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encodeSegment(segment));
        }
        return out.toString();
    }

    /**
     * The request path below the files root, e.g. {@code /remote.php/dav/files/alice/a%20b/c}.
     *
     * @param filesRoot   the caller's files root as {@link dev.ncmcp.spi.nextcloud.NextcloudClient#filesRoot()} gives it
     * @param trailingSlash append {@code /} (for collections)
     */
    String href(String filesRoot, boolean trailingSlash) {
        String root = encodeRoot(filesRoot);
        String href = root + encoded();
        if (trailingSlash && !href.endsWith("/")) {
            href = href + "/";
        }
        return href;
    }

    String href(String filesRoot) {
        return href(filesRoot, false);
    }

    /** The files root as an encoded path ending in {@code /}; an already encoded root is kept. */
    static String encodeRoot(String filesRoot) {
        String root = stripOrigin(filesRoot);
        if (!root.endsWith("/")) {
            root = root + "/";
        }
        if (root.contains("%")) {
            return root;
        }
        StringBuilder out = new StringBuilder("/");
        for (String segment : root.split("/")) {
            if (!segment.isEmpty()) {
                out.append(encodeSegment(segment)).append('/');
            }
        }
        return out.toString();
    }

    /** Percent-encodes one path segment: all but {@code A-Z a-z 0-9 - . _ ~} as UTF-8 bytes. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} sequences as UTF-8; a malformed sequence is kept as is. */
    static String decodeLenient(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(raw[i]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String stripOrigin(String href) {
        int scheme = href.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = href.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : href.substring(slash);
        }
        return href;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DavPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segments);
    }

    @Override
    public String toString() {
        return path();
    }
}
