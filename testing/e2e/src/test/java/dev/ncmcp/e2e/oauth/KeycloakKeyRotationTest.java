package dev.ncmcp.e2e.oauth;

import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.ncmcp.e2e.oauth.OAuthEnvironment.aliceToken;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak starts signing with a new key while the sidecar runs: tokens with the new {@code kid} are accepted
 * without a restart. The sidecar re-reads the JWKS for an unknown {@code kid} at most once per refresh interval
 * (30 s, against kid floods), so right after its start-up fetch a new kid may be refused for up to that long;
 * the test allows {@link #REFRESH_ALLOWANCE} and reports how long it took.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakKeyRotationTest extends ResourceServerFixture {

    static final Duration REFRESH_ALLOWANCE = Duration.ofSeconds(45);

    KeycloakKeyRotationTest() {
        super("jwt", 0, 300);
    }

    @Test
    void tokensSignedWithARotatedKeyAreAcceptedWithoutRestart() throws InterruptedException {
        String before = aliceToken("openid notes:read");
        assertEquals(200, mcp.toolsList(before).status(), "the JWKS must be known before the rotation");
        String kidBefore = Keycloak.jwtHeader(before).getString("kid");

        String newKid = keycloak.rotateKeys();
        long rotated = System.nanoTime();
        String after = aliceToken("openid notes:read");
        assertEquals(newKid, Keycloak.jwtHeader(after).getString("kid"));
        assertNotEquals(kidBefore, newKid);

        McpHttp.Reply reply = mcp.toolsList(after);
        int refused = 0;
        while (reply.status() == 401 && System.nanoTime() - rotated < REFRESH_ALLOWANCE.toNanos()) {
            refused++;
            Thread.sleep(1000);
            reply = mcp.toolsList(after);
        }
        long tookMs = (System.nanoTime() - rotated) / 1_000_000;
        System.out.println("[oauth] key rotation: a token with the new kid was accepted " + tookMs + " ms after the "
                + "rotation (" + refused + " refusals while the JWKS refresh interval ran)");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(OAuthEnvironment.toolsGrantedBy(Set.of("notes:read")), toolNames(reply));
        assertEquals(200, mcp.toolsList(before).status(), "tokens signed with the old key stay valid");
        assertTrue(sidecar.isAlive());
    }
}
