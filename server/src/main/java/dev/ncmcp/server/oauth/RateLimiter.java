package dev.ncmcp.server.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per key (the client's IP address): {@code perMinute} requests at once, refilled at
 * {@code perMinute} per minute. At most {@value #MAX_KEYS} keys are tracked; the least recently used go first.
 */
final class RateLimiter {
    static final int MAX_KEYS = 10_000;

    private final double capacity;
    private final double perNano;
    private final Clock clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    RateLimiter(int perMinute, Clock clock) {
        this.capacity = perMinute;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.clock = clock;
    }

    /** Takes one token; when none is left, returns how long until the next one. */
    synchronized Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {capacity, nanos});
        bucket[0] = Math.min(capacity, bucket[0] + (nanos - bucket[1]) * perNano);
        bucket[1] = nanos;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return Optional.empty();
        }
        long wait = (long) Math.ceil((1 - bucket[0]) / perNano);
        return Optional.of(Duration.ofNanos(wait));
    }
}
