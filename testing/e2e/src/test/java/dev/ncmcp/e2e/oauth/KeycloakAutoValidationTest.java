package dev.ncmcp.e2e.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.ncmcp.e2e.oauth.KeycloakJwtResourceServerTest.assertRejected;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.aliceToken;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default {@code SECURITY_TOKENS_VALIDATION=auto}: JWTs locally, anything else by introspection. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakAutoValidationTest extends ResourceServerFixture {

    KeycloakAutoValidationTest() {
        super("auto", 0, 300);
    }

    @Test
    void keycloakJwtIsAccepted() {
        McpHttp.Reply reply = mcp.toolsList(aliceToken("openid notes:read notes:write"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(OAuthEnvironment.toolsGrantedBy(Set.of("notes:read", "notes:write")), toolNames(reply));
    }

    @Test
    void garbageOpaqueTokenGets401() {
        assertRejected(mcp.toolsList("opaque-garbage-" + System.nanoTime()));
    }
}
