package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavPaths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A path inside the caller's files, always normalised: {@code /} for the root, otherwise {@code /a/b} without a
 * trailing slash. The one place where user input becomes a WebDAV URL and where hrefs become user paths again.
 *
 * <p>Accepts {@code /a/b}, {@code a/b}, {@code ./a}, {@code a//b/}; resolves {@code .} and {@code ..} but rejects
 * any {@code ..} that would leave the files root, and control characters.
 */
record DavPath(List<String> segments) {

    static final DavPath ROOT = new DavPath(List.of());
    private static final int MAX_LENGTH = 4096;

    DavPath {
        segments = List.copyOf(segments);
    }

    /**
     * Normalises a path the model gave.
     *
     * @param argument the argument's name, for error messages
     * @param raw      the path as given; null or blank means the root
     */
    static DavPath parse(String argument, String raw) throws ToolException {
        if (raw == null || raw.isBlank()) {
            return ROOT;
        }
        if (raw.length() > MAX_LENGTH) {
            throw ToolException.invalidArgument("'" + argument + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ToolException.invalidArgument("'" + argument
                    + "' contains a control character (such as NUL or a line break); file names cannot contain them");
        }
        List<String> result = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (segment.equals("..")) {
                if (result.isEmpty()) {
                    throw ToolException.invalidArgument("'" + argument + "' (" + raw
                            + ") points outside your files: '..' cannot go above the root folder '/'");
                }
                result.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                result.add(segment);
            }
        }
        return new DavPath(result);
    }

    /**
     * The user path of a decoded href of a Multi-Status, or empty when it is not below the files root.
     *
     * @param href      a decoded href: a path or an absolute URL
     * @param filesRoot the caller's files root, e.g. {@code /remote.php/dav/files/alice/}, encoded or not
     */
    static Optional<DavPath> fromHref(String href, String filesRoot) {
        String path = withoutOrigin(href);
        String root = withoutOrigin(filesRoot);
        if (!path.startsWith(root)) {
            root = DavPaths.decode(root);
        }
        root = root.endsWith("/") ? root : root + "/";
        String rest;
        if (path.equals(root) || path.equals(root.substring(0, root.length() - 1))) {
            rest = "";
        } else if (path.startsWith(root)) {
            rest = path.substring(root.length());
        } else {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (segment.equals("..")) {
                return Optional.empty();
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                result.add(segment);
            }
        }
        return Optional.of(new DavPath(result));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment, or empty for the root. */
    String name() {
        return isRoot() ? "" : segments.getLast();
    }

    DavPath parent() {
        return isRoot() ? this : new DavPath(segments.subList(0, segments.size() - 1));
    }

    DavPath child(String name) {
        List<String> next = new ArrayList<>(segments);
        next.add(name);
        return new DavPath(next);
    }

    /** Whether {@code other} is this path or lies below it. */
    boolean contains(DavPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** The path the user sees: {@code /} or {@code /a/b}. */
    String path() {
        return "/" + String.join("/", segments);
    }

    /** The percent-encoded segments joined by {@code /}, without a leading slash ({@code a%20b/c}). */
    String encoded() {
        return DavPaths.child("/", segments).substring(1);
    }

    /** The request path below the files root, e.g. {@code /remote.php/dav/files/alice/a%20b/c}. */
    String href(String filesRoot, boolean trailingSlash) {
        String href = encodeRoot(filesRoot) + encoded();
        return trailingSlash && !href.endsWith("/") ? href + "/" : href;
    }

    String href(String filesRoot) {
        return href(filesRoot, false);
    }

    /** The files root as an encoded path ending in {@code /}; a root that is already encoded is kept. */
    static String encodeRoot(String filesRoot) {
        String root = withoutOrigin(filesRoot);
        if (!root.contains("%")) {
            root = DavPaths.child("/", Arrays.stream(root.split("/")).filter(s -> !s.isEmpty()).toList());
        }
        return root.endsWith("/") ? root : root + "/";
    }

    private static String withoutOrigin(String href) {
        int scheme = href.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = href.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : href.substring(slash);
        }
        return href;
    }

    @Override
    public String toString() {
        return path();
    }
}
