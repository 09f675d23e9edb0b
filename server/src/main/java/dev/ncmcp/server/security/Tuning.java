package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.Discovery;

import java.time.Clock;
import java.time.Duration;

/**
 * Timing knobs of token validation that production leaves at their defaults and tests shorten.
 *
 * @param discoveryTtl        how long a discovery document is trusted before it is fetched again
 * @param warmUpFirstDelay    first pause between discovery attempts at startup (doubles each time)
 * @param warmUpMaxDelay      longest pause between attempts
 * @param warmUpTotal         how long startup keeps trying before it gives up
 * @param jwksRefreshInterval at most one JWKS refresh for unknown {@code kid}s per this interval
 * @param cacheMaxEntries     bound of the validated-token cache (oldest entries are evicted)
 */
record Tuning(Clock clock, Duration discoveryTtl, Duration warmUpFirstDelay, Duration warmUpMaxDelay,
              Duration warmUpTotal, Duration jwksRefreshInterval, int cacheMaxEntries) {

    /** The discovery part of these knobs. */
    Discovery.Timing discovery() {
        return new Discovery.Timing(clock, discoveryTtl, warmUpFirstDelay, warmUpMaxDelay, warmUpTotal);
    }

    static Tuning defaults() {
        return new Tuning(Clock.systemUTC(), Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 10_000);
    }

    Tuning withClock(Clock value) {
        return new Tuning(value, discoveryTtl, warmUpFirstDelay, warmUpMaxDelay, warmUpTotal, jwksRefreshInterval,
                cacheMaxEntries);
    }

    Tuning withWarmUp(Duration first, Duration max, Duration total) {
        return new Tuning(clock, discoveryTtl, first, max, total, jwksRefreshInterval, cacheMaxEntries);
    }

    Tuning withJwksRefreshInterval(Duration value) {
        return new Tuning(clock, discoveryTtl, warmUpFirstDelay, warmUpMaxDelay, warmUpTotal, value, cacheMaxEntries);
    }

    Tuning withCacheMaxEntries(int value) {
        return new Tuning(clock, discoveryTtl, warmUpFirstDelay, warmUpMaxDelay, warmUpTotal, jwksRefreshInterval,
                value);
    }
}
