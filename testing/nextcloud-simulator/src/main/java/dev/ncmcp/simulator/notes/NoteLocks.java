package dev.ncmcp.simulator.notes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file locks of notes being written, plus locks forced by tests for a number of writes. Thread-safe.
 */
final class NoteLocks {
    private record Key(String user, long noteId) {
    }

    private final Set<Key> held = ConcurrentHashMap.newKeySet();
    private final Map<Key, Integer> forced = new ConcurrentHashMap<>();

    /** The next {@code times} writes to the note find it locked (0 clears). */
    void forceLocked(String user, long noteId, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        Key key = new Key(user, noteId);
        if (times == 0) {
            forced.remove(key);
        } else {
            forced.put(key, times);
        }
    }

    /** Whether this write is one of the forced ones (and counts it). */
    boolean takeForced(String user, long noteId) {
        boolean[] taken = {false};
        forced.computeIfPresent(new Key(user, noteId), (key, left) -> {
            taken[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return taken[0];
    }

    boolean tryLock(String user, long noteId) {
        return held.add(new Key(user, noteId));
    }

    void unlock(String user, long noteId) {
        held.remove(new Key(user, noteId));
    }
}
