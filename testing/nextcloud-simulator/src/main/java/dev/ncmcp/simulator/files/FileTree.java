package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.PathSegments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The in-memory file tree of one user. Not thread-safe by itself: {@link FileStore} serialises access.
 * Every write gives the node a new ETag (unlike Nextcloud, which only changes it when the mtime
 * second changes) and propagates a new ETag and mtime to all parent folders.
 */
public final class FileTree {
    private final String owner;
    private final LongSupplier ids;
    private final EtagSource etags;
    private final Map<Long, FileNode> byId = new HashMap<>();
    private final FileNode root;

    FileTree(String owner, LongSupplier ids, EtagSource etags) {
        this.owner = owner;
        this.ids = ids;
        this.etags = etags;
        this.root = new FileNode(ids.getAsLong(), owner, true, null);
        byId.put(root.id(), root);
        root.stamp(now(), etags.folderEtag());
    }

    public String owner() {
        return owner;
    }

    public FileNode root() {
        return root;
    }

    /** Finds a node by a relative path ({@code "a/b.txt"}, leading/trailing slashes ignored). */
    public Optional<FileNode> find(String path) {
        FileNode node = root;
        for (String segment : PathSegments.of(path)) {
            if (!node.isFolder()) {
                return Optional.empty();
            }
            node = node.child(segment);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    public Optional<FileNode> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public FileNode createFolder(FileNode parent, String name) {
        FileNode folder = new FileNode(ids.getAsLong(), name, true, parent);
        folder.stamp(now(), etags.folderEtag());
        parent.attach(folder);
        byId.put(folder.id(), folder);
        propagate(parent, now());
        return folder;
    }

    /** Creates every missing folder of the path and returns the last one. */
    public FileNode mkdirs(String path) {
        FileNode node = root;
        for (String segment : PathSegments.of(path)) {
            FileNode next = node.child(segment);
            if (next == null) {
                next = createFolder(node, segment);
            } else if (!next.isFolder()) {
                throw new IllegalStateException("not a folder: " + next.path());
            }
            node = next;
        }
        return node;
    }

    public FileNode createFile(FileNode parent, String name, byte[] content, Long mtime) {
        FileNode file = new FileNode(ids.getAsLong(), name, false, parent);
        file.content(content);
        parent.attach(file);
        byId.put(file.id(), file);
        touch(file, mtime);
        return file;
    }

    public void write(FileNode file, byte[] content, Long mtime) {
        file.content(content);
        touch(file, mtime);
    }

    /** Records a change: new ETag, mtime = {@code mtime} or now, parents updated. */
    public void touch(FileNode node, Long mtime) {
        long time = mtime != null ? mtime : now();
        node.stamp(time, node.isFolder() ? etags.folderEtag() : etags.fileEtag());
        if (node.parent() != null) {
            propagate(node.parent(), now());
        }
    }

    public void setFavorite(FileNode node, boolean favorite) {
        node.favorite(favorite);
    }

    public void delete(FileNode node) {
        if (node == root) {
            throw new IllegalArgumentException("cannot delete the root");
        }
        FileNode parent = node.parent();
        forEach(node, n -> byId.remove(n.id()));
        parent.detach(node);
        propagate(parent, now());
    }

    /** Moves/renames a node, keeping its id; content ETag stays as it is (like Nextcloud). */
    public void move(FileNode node, FileNode newParent, String newName) {
        FileNode oldParent = node.parent();
        oldParent.detach(node);
        node.rename(newName);
        newParent.attach(node);
        propagate(oldParent, now());
        propagate(newParent, now());
    }

    /** Copies a node (recursively) under a new id. */
    public FileNode copy(FileNode source, FileNode newParent, String newName) {
        FileNode copy;
        if (source.isFolder()) {
            copy = createFolder(newParent, newName);
            for (FileNode child : List.copyOf(source.children())) {
                copy(child, copy, child.name());
            }
        } else {
            copy = createFile(newParent, newName, source.content().clone(), source.mtime());
        }
        return copy;
    }

    /** The node and all nodes below it, depth first, parents before children. */
    public List<FileNode> descendants(FileNode node) {
        List<FileNode> out = new ArrayList<>();
        forEach(node, out::add);
        return out;
    }

    private void forEach(FileNode node, java.util.function.Consumer<FileNode> action) {
        action.accept(node);
        for (FileNode child : List.copyOf(node.children())) {
            forEach(child, action);
        }
    }

    private void propagate(FileNode folder, long time) {
        for (FileNode n = folder; n != null; n = n.parent()) {
            n.stamp(Math.max(time, n.mtime()), etags.folderEtag());
        }
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }
}
