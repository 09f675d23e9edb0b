package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.util.Optional;

/**
 * MKCOL: creates a folder, in the order of {@code Sabre\DAV\Server::createCollection}: the parent
 * (missing: "does not exist", a file: "is not a collection"), the lookup of the new name
 * ({@code Directory::getChild}), an existing node (405), then Nextcloud's name checks on creation.
 */
final class MakeCollection implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        if (r.segments().isEmpty()) {
            return alreadyExists();
        }
        FileNode parent = r.tree().find(r.parentPath()).orElse(null);
        if (parent == null) {
            return SabreError.response(409, SabreError.CONFLICT, "Parent node does not exist");
        }
        if (!parent.isFolder()) {
            return SabreError.response(409, SabreError.CONFLICT, "Parent node is not a collection");
        }
        String name = r.segments().getLast();
        Optional<String> reserved = FilenameRules.lookupViolation(name);
        if (reserved.isPresent()) {
            return SabreError.invalidPath(reserved.get());
        }
        if (parent.child(name) != null) {
            return alreadyExists();
        }
        Optional<String> invalid = FilenameRules.creationViolation(name);
        if (invalid.isPresent()) {
            return SabreError.invalidPath(invalid.get());
        }
        FileNode folder = r.tree().createFolder(parent, name);
        return SimResponse.status(201).header("Content-Type", SimResponse.HTML)
                .header("OC-FileId", r.props().ocFileId(folder));
    }

    private static SimResponse alreadyExists() {
        return SabreError.response(405, SabreError.METHOD_NOT_ALLOWED, "The resource you tried to create already exists")
                .header("Allow", DavAnswers.ALLOW);
    }
}
