package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.net.URI;
import java.util.List;

/**
 * MOVE and COPY within the caller's files.
 */
final class MoveOrCopy implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        boolean move = r.method().equals("MOVE");
        FileTree tree = r.tree();
        FileNode source = r.target().orElse(null);
        if (source == null) {
            return DavAnswers.notFound(r.relPath());
        }
        String destination = r.header("Destination").orElse(null);
        if (destination == null) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "The destination header was not supplied");
        }
        String destPath;
        try {
            destPath = SimRequest.decodePath(URI.create(destination.trim()).getRawPath());
        } catch (IllegalArgumentException e) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "Invalid destination URL");
        }
        String prefixNoSlash = r.hrefPrefix().substring(0, r.hrefPrefix().length() - 1);
        if (!(destPath.equals(prefixNoSlash) || destPath.startsWith(r.hrefPrefix()))) {
            return SabreError.response(403, SabreError.FORBIDDEN, "The destination is outside of this user's files");
        }
        List<String> destSegments = PathSegments.of(destPath.substring(prefixNoSlash.length()));
        if (destSegments.isEmpty() || source == tree.root()) {
            return SabreError.response(403, SabreError.FORBIDDEN, "Cannot move or copy the root");
        }
        FileNode destParent = tree.find(String.join("/", destSegments.subList(0, destSegments.size() - 1)))
                .filter(FileNode::isFolder).orElse(null);
        if (destParent == null) {
            return SabreError.response(409, SabreError.CONFLICT, "The destination node is not found");
        }
        if (source.isFolder() && (destParent == source || source.isAncestorOf(destParent))) {
            return SabreError.response(409, SabreError.CONFLICT, "Cannot move or copy a folder into itself");
        }
        FileNode target = destParent.child(destSegments.getLast());
        if (target == source) {
            return SabreError.response(403, SabreError.FORBIDDEN, "Source and destination uri are identical.");
        }
        boolean overwrite = !r.header("Overwrite").map(o -> o.trim().equalsIgnoreCase("F")).orElse(false);
        if (target != null && !overwrite) {
            return DavAnswers.preconditionFailed("The destination node already exists, and the overwrite header is set "
                                                 + "to false", "Overwrite");
        }
        if (target != null) {
            tree.delete(target);
        }
        SimResponse response = SimResponse.status(target != null ? 204 : 201).header("Content-Type", SimResponse.HTML);
        if (move) {
            tree.move(source, destParent, destSegments.getLast());
            if (!source.isFolder()) {
                response.header("ETag", DavAnswers.quoted(source.etag()))
                        .header("OC-ETag", DavAnswers.quoted(source.etag()));
            }
            return response.header("OC-FileId", r.props().ocFileId(source));
        }
        FileNode copy = tree.copy(source, destParent, destSegments.getLast());
        return response.header("OC-FileId", r.props().ocFileId(copy));
    }
}
