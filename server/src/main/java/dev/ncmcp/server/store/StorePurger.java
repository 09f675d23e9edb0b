package dev.ncmcp.server.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Deletes expired login flows, pending authorizations, codes, refresh tokens (and the records of used ones and of
 * revoked families) and cached client metadata
 * every {@code store.purge} seconds, on a virtual thread. Counts are logged at DEBUG; a failed run is
 * logged at WARNING and the next run tries again.
 */
public final class StorePurger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StorePurger.class.getName());

    private final Store store;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public StorePurger(Store store, Duration interval) {
        this(store, interval, Clock.systemUTC());
    }

    StorePurger(Store store, Duration interval, Clock clock) {
        this.store = store;
        this.interval = interval;
        this.clock = clock;
    }

    /** Starts purging (first run after one interval); does nothing if the interval is zero or already started. */
    public synchronized StorePurger start() {
        if (scheduler != null || interval.isZero()) {
            return this;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("store-purge").factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeNow, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One purge run now; returns the rows deleted (0 after a failure, which is logged). */
    public int purgeNow() {
        try {
            long start = System.nanoTime();
            if (store instanceof JdbcStore jdbc) {
                Map<String, Integer> counts = jdbc.purgeCounts(clock.instant());
                LOG.log(DEBUG, () -> "store purge: " + counts + " in " + (System.nanoTime() - start) / 1_000_000
                        + " ms");
                return counts.values().stream().mapToInt(Integer::intValue).sum();
            }
            int n = store.purgeExpired(clock.instant());
            LOG.log(DEBUG, () -> "store purge: " + n + " expired rows");
            return n;
        } catch (RuntimeException e) {
            LOG.log(WARNING, "store purge failed; will retry in " + interval.toSeconds() + " s: " + e.getMessage());
            return 0;
        }
    }

    /** Stops the schedule, waiting briefly for a running purge. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public void close() {
        stop();
    }
}
