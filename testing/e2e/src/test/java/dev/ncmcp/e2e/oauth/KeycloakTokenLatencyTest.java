package dev.ncmcp.e2e.oauth;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.ncmcp.e2e.oauth.OAuthEnvironment.aliceToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures, for the operator notes, what validating a token costs: the median latency of {@code tools/list}
 * with a token the sidecar has seen (cached) against the first request with a fresh token, 20 repetitions each,
 * for local JWT validation and for introspection — plus Keycloak's build and start-to-ready times.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakTokenLatencyTest {

    static final int REPETITIONS = 20;

    @Test
    void cachedTokensAreServedAndFreshTokensAreValidatedWithinMeasuredLatency() {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Keycloak 26.7.3: kc.sh build %s, start-to-ready %d ms",
                keycloak.buildTime().isZero() ? "skipped (already built in this distribution)"
                        : keycloak.buildTime().toMillis() + " ms", keycloak.readyTime().toMillis()));
        for (String validation : List.of("jwt", "introspection")) {
            try (SidecarProcess sidecar = OAuthEnvironment.sidecar(validation, 0, 300)) {
                McpHttp mcp = new McpHttp(sidecar.url());
                String cached = aliceToken("openid notes:read");
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, mcp.toolsList(cached).status()); // warm-up (JWKS, connections, JIT)
                }
                double[] cachedMs = new double[REPETITIONS];
                for (int i = 0; i < REPETITIONS; i++) {
                    cachedMs[i] = timed(mcp, cached);
                }
                List<String> fresh = new ArrayList<>();
                for (int i = 0; i < REPETITIONS; i++) {
                    fresh.add(aliceToken("openid notes:read"));
                }
                double[] freshMs = new double[REPETITIONS];
                for (int i = 0; i < REPETITIONS; i++) {
                    freshMs[i] = timed(mcp, fresh.get(i));
                }
                lines.add(String.format("validation=%-13s tools/list median: cached token %.2f ms, fresh token %.2f ms"
                        + " (%d repetitions each)", validation, median(cachedMs), median(freshMs), REPETITIONS));
            }
        }
        System.out.println("[oauth] ---- measurements ----");
        lines.forEach(l -> System.out.println("[oauth] " + l));
    }

    private static double timed(McpHttp mcp, String token) {
        long start = System.nanoTime();
        McpHttp.Reply reply = mcp.toolsList(token);
        long took = System.nanoTime() - start;
        assertEquals(200, reply.status(), reply::toString);
        return took / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
