package dev.ncmcp.simulator.files;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The file trees of all users, shared by every app (notes are files too). One lock serialises all
 * access: the simulator favours simple correctness over parallel throughput.
 */
public final class FileStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fileIds = new AtomicLong(100);
    private final EtagSource etags = new EtagSource();
    private final Map<String, FileTree> trees = new HashMap<>();

    /** Runs {@code action} on the user's tree under the store lock (creating the tree on first use). */
    public <T> T with(String user, Function<FileTree, T> action) {
        lock.lock();
        try {
            return action.apply(trees.computeIfAbsent(user, u -> new FileTree(u, fileIds::incrementAndGet, etags)));
        } finally {
            lock.unlock();
        }
    }
}
