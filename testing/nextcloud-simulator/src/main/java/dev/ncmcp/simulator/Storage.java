package dev.ncmcp.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * All per-user state (file tree + notes settings), shared by every API. One lock serialises all
 * access: the simulator favours simple correctness over parallel throughput.
 */
final class Storage {
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong fileIds = new AtomicLong(100);
    private final EtagSource etags = new EtagSource();
    private final Map<String, UserData> users = new HashMap<>();
    private final NextcloudVersion version;

    Storage(NextcloudVersion version) {
        this.version = version;
    }

    /** Runs {@code action} on the user's data under the storage lock (creating it on first use). */
    <T> T with(String user, Function<UserData, T> action) {
        lock.lock();
        try {
            UserData data = users.computeIfAbsent(user, u -> new UserData(
                    new FileTree(u, fileIds::incrementAndGet, etags), new NotesSettings(version.defaultNoteMode())));
            return action.apply(data);
        } finally {
            lock.unlock();
        }
    }

    /** State of one user. */
    record UserData(FileTree files, NotesSettings notesSettings) {
    }
}
