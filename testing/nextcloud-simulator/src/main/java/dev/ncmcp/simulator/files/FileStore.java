package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.Accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The file trees of all users, shared by every app (notes are files too). One lock serialises all
 * access: the simulator favours simple correctness over parallel throughput.
 */
public final class FileStore {
    /** {@code OCP\Files\FileInfo::SPACE_UNLIMITED}, what Nextcloud reports as free space without a quota. */
    public static final long UNLIMITED = -3;

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fileIds = new AtomicLong(100);
    private final EtagSource etags = new EtagSource();
    private final Map<String, FileTree> trees = new HashMap<>();
    private final Accounts accounts;

    public FileStore(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Runs {@code action} on the user's tree under the store lock (creating the tree on first use). */
    public <T> T with(String user, Function<FileTree, T> action) {
        lock.lock();
        try {
            return action.apply(trees.computeIfAbsent(user, u -> new FileTree(u, fileIds::incrementAndGet, etags)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The owner's free space as the quota storage wrapper computes it
     * ({@code lib/private/Files/Storage/Wrapper/Quota.php}, {@code free_space}): quota minus the size
     * of all files, at least 0; {@link #UNLIMITED} without a quota.
     */
    public long freeSpace(FileTree tree) {
        OptionalLong quota = accounts.quota(tree.owner());
        return quota.isEmpty() ? UNLIMITED : Math.max(quota.getAsLong() - tree.root().size(), 0);
    }
}
