package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;

import java.util.List;
import java.util.Optional;

/**
 * One WebDAV request on the caller's own tree, handled under the store lock.
 *
 * @param request    the HTTP request
 * @param tree       the caller's files
 * @param props      property renderer for this caller
 * @param hrefPrefix {@code /remote.php/dav/files/<user>/} or {@code /remote.php/webdav/}
 * @param relPath    target path below the user root, without leading or trailing slash
 * @param freeSpace  the caller's free bytes, or {@link FileStore#UNLIMITED}
 */
record FileRequest(SimRequest request, FileTree tree, DavProps props, String hrefPrefix, String relPath,
                   long freeSpace) {

    String method() {
        return request.method();
    }

    Optional<String> header(String name) {
        return request.header(name);
    }

    Optional<FileNode> target() {
        return tree.find(relPath);
    }

    List<String> segments() {
        return PathSegments.of(relPath);
    }

    String parentPath() {
        List<String> segments = segments();
        return segments.isEmpty() ? "" : String.join("/", segments.subList(0, segments.size() - 1));
    }

    String href(FileNode node) {
        String encoded = DavAnswers.encodePath(node.path());
        String base = encoded.isEmpty() ? hrefPrefix : hrefPrefix + encoded;
        return node.isFolder() && !encoded.isEmpty() ? base + "/" : base;
    }
}
