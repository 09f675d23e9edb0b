package dev.ncmcp.e2e.oauth;

import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.ncmcp.e2e.oauth.KeycloakJwtResourceServerTest.assertRejected;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.aliceToken;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sidecar validating every token by RFC 7662 introspection at Keycloak
 * ({@code SECURITY_TOKENS_VALIDATION=introspection}, cache 0 so each request asks Keycloak).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakIntrospectionResourceServerTest extends ResourceServerFixture {

    KeycloakIntrospectionResourceServerTest() {
        super("introspection", 0, 0);
    }

    @Test
    void keycloakTokenIsAcceptedThroughIntrospection() {
        McpHttp.Reply reply = mcp.toolsList(aliceToken("openid notes:read"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(OAuthEnvironment.toolsGrantedBy(Set.of("notes:read")), toolNames(reply));
    }

    @Test
    void garbageOpaqueTokenGets401() {
        assertRejected(mcp.toolsList("opaque-garbage-" + System.nanoTime()));
    }

    @Test
    void tokenRevokedAtKeycloakGets401() {
        String token = aliceToken("openid notes:read");
        assertEquals(200, mcp.toolsList(token).status(), "the token works before the revocation");
        keycloak.revoke(token, Keycloak.CLI_CLIENT, null);
        assertFalse(keycloak.introspect(token).getBoolean("active"), "Keycloak still reports the token active");
        assertRejected(mcp.toolsList(token));
    }
}
