package dev.ncmcp.spi.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavPaths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A normalised path in the caller's files: {@code /} or {@code /a/b}. The one place where a path the model gave
 * becomes a WebDAV URL, and where a server's href becomes such a path again; {@code ..} never leaves the root,
 * control characters are refused, and every segment is percent-encoded for the URL.
 */
public record FilePath(List<String> segments) {

    public static final FilePath ROOT = new FilePath(List.of());
    private static final int MAX_LENGTH = 4096;

    public FilePath {
        segments = List.copyOf(segments);
    }

    /** Accepts {@code /a/b}, {@code a/b}, {@code ./a}, {@code a//b/}, resolving {@code .} and {@code ..}. */
    public static FilePath parse(String argument, String raw) throws ToolException {
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
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (!segment.equals("..")) {
                segments.addAll(named(segment));
            } else if (segments.isEmpty()) {
                throw ToolException.invalidArgument("'" + argument + "' (" + raw
                        + ") points outside your files: '..' cannot go above the root folder '/'");
            } else {
                segments.removeLast();
            }
        }
        return new FilePath(segments);
    }

    /** The path of a decoded href (a path or a URL), or empty when it is not below the files root. */
    public static Optional<FilePath> fromHref(String href, String filesRoot) {
        String path = withoutOrigin(href);
        String root = withoutOrigin(filesRoot);
        root = (path.startsWith(root) ? root : DavPaths.decode(root)).replaceAll("/$", "");
        if (!path.equals(root) && !path.startsWith(root + "/")) {
            return Optional.empty();
        }
        List<String> segments = Arrays.asList(path.substring(root.length()).split("/"));
        return segments.contains("..") ? Optional.empty()
                : Optional.of(new FilePath(segments.stream().flatMap(segment -> named(segment).stream()).toList()));
    }

    private static List<String> named(String segment) {
        return segment.isEmpty() || segment.equals(".") ? List.of() : List.of(segment);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public String name() {
        return isRoot() ? "" : segments.getLast();
    }

    public FilePath parent() {
        return isRoot() ? this : new FilePath(segments.subList(0, segments.size() - 1));
    }

    public FilePath child(String name) {
        List<String> child = new ArrayList<>(segments);
        child.add(name);
        return new FilePath(child);
    }

    /** Whether {@code other} is this path or lies below it. */
    public boolean contains(FilePath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    public String path() {
        return "/" + String.join("/", segments);
    }

    /** The percent-encoded segments without a leading slash: {@code a%20b/c}. */
    public String encoded() {
        return DavPaths.child("/", segments).substring(1);
    }

    /** The request path, e.g. {@code /remote.php/dav/files/alice/a%20b/c}, with a slash for collections if asked. */
    public String href(String filesRoot, boolean trailingSlash) {
        String href = encodeRoot(filesRoot) + encoded();
        return trailingSlash && !href.endsWith("/") ? href + "/" : href;
    }

    /** The files root as an encoded path ending in {@code /}; a root that is already encoded is kept. */
    public static String encodeRoot(String filesRoot) {
        String root = withoutOrigin(filesRoot);
        if (!root.contains("%")) {
            root = DavPaths.child("/", Arrays.stream(root.split("/")).filter(s -> !s.isEmpty()).toList());
        }
        return root.endsWith("/") ? root : root + "/";
    }

    private static String withoutOrigin(String href) {
        int scheme = href.indexOf("://");
        int path = scheme > 0 && scheme < 10 ? href.indexOf('/', scheme + 3) : 0;
        return path < 0 ? "/" : href.substring(path);
    }
}
