package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

/**
 * MKCOL: creates a folder. The 409 texts are {@code Sabre\DAV\Server::createCollection}'s: a
 * missing parent "does not exist", a parent that is a file "is not a collection".
 */
final class MakeCollection implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        if (r.target().isPresent()) {
            return SabreError.response(405, SabreError.METHOD_NOT_ALLOWED,
                                       "The resource you tried to create already exists").header("Allow", DavAnswers.ALLOW);
        }
        FileNode parent = r.tree().find(r.parentPath()).orElse(null);
        if (parent == null) {
            return SabreError.response(409, SabreError.CONFLICT, "Parent node does not exist");
        }
        if (!parent.isFolder()) {
            return SabreError.response(409, SabreError.CONFLICT, "Parent node is not a collection");
        }
        FileNode folder = r.tree().createFolder(parent, r.segments().getLast());
        return SimResponse.status(201).header("Content-Type", SimResponse.HTML)
                .header("OC-FileId", r.props().ocFileId(folder));
    }
}
