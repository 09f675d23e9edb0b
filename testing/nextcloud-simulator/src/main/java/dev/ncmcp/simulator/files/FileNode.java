package dev.ncmcp.simulator.files;

import java.util.Collection;
import java.util.TreeMap;

/**
 * A file or folder of a user's tree. Mutated only by {@link FileTree} under the storage lock.
 */
public final class FileNode {
    private final long id;
    private final boolean folder;
    private final TreeMap<String, FileNode> children = new TreeMap<>();
    private String name;
    private FileNode parent;
    private byte[] content = new byte[0];
    private long mtime;
    private String etag;
    private boolean favorite;

    FileNode(long id, String name, boolean folder, FileNode parent) {
        this.id = id;
        this.name = name;
        this.folder = folder;
        this.parent = parent;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isFolder() {
        return folder;
    }

    public FileNode parent() {
        return parent;
    }

    public byte[] content() {
        return content;
    }

    public long mtime() {
        return mtime;
    }

    public String etag() {
        return etag;
    }

    public boolean favorite() {
        return favorite;
    }

    public Collection<FileNode> children() {
        return children.values();
    }

    public FileNode child(String childName) {
        return children.get(childName);
    }

    /** Path relative to the user root without leading or trailing slash; {@code ""} for the root. */
    public String path() {
        if (parent == null) {
            return "";
        }
        String parentPath = parent.path();
        return parentPath.isEmpty() ? name : parentPath + "/" + name;
    }

    /** The MIME type Nextcloud stores for a file of this name; folders have {@code httpd/unix-directory}. */
    public String mimeType() {
        return folder ? MimeTypes.FOLDER : MimeTypes.ofName(name);
    }

    /** File length, or for folders the sum of all contained files. */
    public long size() {
        if (!folder) {
            return content.length;
        }
        long sum = 0;
        for (FileNode child : children.values()) {
            sum += child.size();
        }
        return sum;
    }

    public boolean isAncestorOf(FileNode other) {
        for (FileNode n = other.parent; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    void attach(FileNode child) {
        children.put(child.name, child);
        child.parent = this;
    }

    void detach(FileNode child) {
        children.remove(child.name);
        child.parent = null;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void content(byte[] newContent) {
        this.content = newContent;
    }

    void stamp(long newMtime, String newEtag) {
        this.mtime = newMtime;
        this.etag = newEtag;
    }

    void favorite(boolean value) {
        this.favorite = value;
    }
}
