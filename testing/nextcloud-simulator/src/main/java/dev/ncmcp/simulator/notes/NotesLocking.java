package dev.ncmcp.simulator.notes;

import java.time.Duration;
import java.util.Objects;

/**
 * How Notes writes overlap.
 *
 * @param writeDelay     how long a write holds the note's file lock (default 0)
 * @param lockAttempts   how often a write tries to get a locked note before answering 423; notes
 *                       4.12 tries 5 times ({@code Util::retryIfLocked})
 * @param lockRetryPause the pause between two attempts; notes 4.12 sleeps 1 s
 */
public record NotesLocking(Duration writeDelay, int lockAttempts, Duration lockRetryPause) {
    public static final NotesLocking DEFAULT = new NotesLocking(Duration.ZERO, 5, Duration.ofSeconds(1));

    public NotesLocking {
        Objects.requireNonNull(writeDelay);
        Objects.requireNonNull(lockRetryPause);
        if (writeDelay.isNegative() || lockRetryPause.isNegative() || lockAttempts < 1) {
            throw new IllegalArgumentException("delays must not be negative and at least one attempt is needed");
        }
    }
}
