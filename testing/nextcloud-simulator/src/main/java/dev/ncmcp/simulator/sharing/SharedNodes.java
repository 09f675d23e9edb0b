package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileStore;

import java.util.Optional;

/** The files shares point at: a user's path, or the node a share was made of (gone when the file was deleted). */
final class SharedNodes {
    private final FileStore files;

    SharedNodes(FileStore files) {
        this.files = files;
    }

    Optional<FileNode> at(String user, String path) {
        return files.with(user, tree -> tree.find(path));
    }

    Optional<FileNode> of(Share share) {
        return files.with(share.owner, tree -> tree.byId(share.nodeId));
    }

    /** The bytes of a shared file, read under the store's lock. */
    byte[] content(Share share) {
        return files.with(share.owner, tree -> tree.byId(share.nodeId).map(FileNode::content).orElse(new byte[0]));
    }
}
