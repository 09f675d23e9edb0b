package dev.ncmcp.simulator.notes;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How long a Notes write takes. Changing it wakes the writes that are waiting, so a test can hold
 * writes with a long delay and release them by setting a short one.
 */
final class WriteDelay {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Duration delay;

    WriteDelay(Duration delay) {
        this.delay = delay;
    }

    void set(Duration newDelay) {
        if (newDelay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative");
        }
        lock.lock();
        try {
            delay = newDelay;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the delay, as it is now or as it is changed to meanwhile, has passed since this call. */
    void await() {
        long start = System.nanoTime();
        lock.lock();
        try {
            long remaining;
            while ((remaining = delay.toNanos() - (System.nanoTime() - start)) > 0) {
                changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
