package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.SimResponse;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A write that needs the note's file lock, with the Notes app's reaction to a lock it cannot get:
 * {@code Helper::handleErrorResponse} runs the whole request through {@code Util::retryIfLocked}
 * (notes 4.12: 5 attempts, 1 s apart) and answers 423 {@code OCP\Lock\LockedException} when the
 * last attempt fails too. A lock forced by a test answers 423 at once, as if it were held
 * throughout the retries. Reads take no note lock here (in Nextcloud a read's shared lock only
 * conflicts for the instant the content is written, and is retried the same way).
 */
final class LockedWrite {
    private final NoteLocks locks;
    private final WriteDelay delay;
    private final int attempts;
    private final Duration pause;

    LockedWrite(NoteLocks locks, WriteDelay delay, int attempts, Duration pause) {
        this.locks = locks;
        this.delay = delay;
        this.attempts = attempts;
        this.pause = pause;
    }

    /** A lock held by another write; the attempt is retried. */
    private static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("note locked", null, false, false);
        }
    }

    /** {@code Util::retryIfLocked} around one attempt of the request. */
    SimResponse retryIfLocked(Supplier<SimResponse> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (Busy busy) {
                if (i >= attempts) {
                    throw NotesException.locked();
                }
                sleep();
            }
        }
    }

    /** Runs {@code write} holding the note's lock for the configured write delay. */
    SimResponse holding(String user, long noteId, Supplier<SimResponse> write) {
        if (locks.takeForced(user, noteId)) {
            throw NotesException.locked();
        }
        if (!locks.tryLock(user, noteId)) {
            throw new Busy();
        }
        try {
            delay.await();
            return write.get();
        } finally {
            locks.unlock(user, noteId);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NotesException.locked();
        }
    }
}
