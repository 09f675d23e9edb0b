package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MOVE and COPY within the caller's files. The destination checks follow
 * {@code Sabre\DAV\Server::getCopyAndMoveInfo} in its order: Overwrite header, destination parent
 * (missing 409, a file 415), existing destination with {@code Overwrite: F} (412), identical (403),
 * destination inside the source (409). The target's name is looked up on the way (a reserved name
 * is a 400 there) and validated last, by {@code FilesPlugin::checkCopy} (see {@link FilenameRules}).
 */
final class MoveOrCopy implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
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
        String overwriteHeader = r.header("Overwrite").orElse("T").trim().toUpperCase(Locale.ROOT);
        if (!overwriteHeader.equals("T") && !overwriteHeader.equals("F")) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "The HTTP Overwrite header should be either T or F");
        }
        List<String> destSegments = PathSegments.of(destPath.substring(prefixNoSlash.length()));
        if (destSegments.isEmpty() || source == tree.root()) {
            return SabreError.response(403, SabreError.FORBIDDEN, "Cannot move or copy the root");
        }
        String destRel = String.join("/", destSegments);
        FileNode destParent = tree.find(String.join("/", destSegments.subList(0, destSegments.size() - 1))).orElse(null);
        if (destParent == null) {
            return SabreError.response(409, SabreError.CONFLICT, "The destination node is not found");
        }
        if (!destParent.isFolder()) {
            return SabreError.response(415, SabreError.UNSUPPORTED_MEDIA_TYPE,
                                       "The destination node is not a collection");
        }
        String name = destSegments.getLast();
        Optional<String> reserved = FilenameRules.lookupViolation(name);
        if (reserved.isPresent()) {
            return SabreError.invalidPath(reserved.get());
        }
        FileNode target = destParent.child(name);
        if (target != null && overwriteHeader.equals("F")) {
            return DavAnswers.preconditionFailed("The destination node already exists, and the overwrite header is set "
                                                 + "to false", "Overwrite");
        }
        if (destRel.equals(r.relPath())) {
            return SabreError.response(403, SabreError.FORBIDDEN, "Source and destination uri are identical.");
        }
        if (destRel.startsWith(r.relPath() + "/")) {
            return SabreError.response(409, SabreError.CONFLICT,
                                       "The destination may not be part of the same subtree as the source path.");
        }
        Optional<String> invalid = FilenameRules.targetViolation(name);
        if (invalid.isPresent()) {
            return SabreError.invalidPath(invalid.get());
        }
        return transfer(r, source, destParent, name, target);
    }

    private static SimResponse transfer(FileRequest r, FileNode source, FileNode destParent, String name,
                                        FileNode replaced) {
        FileTree tree = r.tree();
        if (replaced != null) {
            tree.delete(replaced);
        }
        SimResponse response = SimResponse.status(replaced != null ? 204 : 201).header("Content-Type", SimResponse.HTML);
        if (r.method().equals("MOVE")) {
            tree.move(source, destParent, name);
            if (!source.isFolder()) {
                response.header("ETag", DavAnswers.quoted(source.etag()))
                        .header("OC-ETag", DavAnswers.quoted(source.etag()));
            }
            return response.header("OC-FileId", r.props().ocFileId(source));
        }
        FileNode copy = tree.copy(source, destParent, name);
        return response.header("OC-FileId", r.props().ocFileId(copy));
    }
}
