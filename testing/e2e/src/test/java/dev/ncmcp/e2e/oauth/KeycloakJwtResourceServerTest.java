package dev.ncmcp.e2e.oauth;

import dev.ncmcp.testkit.Keycloak;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.ncmcp.e2e.oauth.OAuthEnvironment.aliceToken;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.challenge;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.scopeSet;
import static dev.ncmcp.e2e.oauth.OAuthEnvironment.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged sidecar as an OAuth resource server validating Keycloak JWTs locally (JWKS;
 * {@code SECURITY_TOKENS_VALIDATION=jwt}, no clock skew), spoken to over HTTP like an MCP client.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakJwtResourceServerTest extends ResourceServerFixture {

    KeycloakJwtResourceServerTest() {
        super("jwt", 0, 300);
    }

    @Test
    void validJwtListsOnlyTheToolsItsScopesGrantAsAPrivateList() {
        String token = aliceToken("openid notes:read");
        McpHttp.Reply reply = mcp.toolsList(token);
        assertEquals(200, reply.status(), reply::toString);
        Set<String> expected = OAuthEnvironment.toolsGrantedBy(Set.of("notes:read"));
        assertFalse(expected.isEmpty(), "no tool needs only notes:read?");
        assertEquals(expected, toolNames(reply));
        assertEquals("private", reply.result().getString("cacheScope"), reply::toString);
    }

    @Test
    void requestWithoutTokenGets401WithResourceMetadataAndScopeChallenge() {
        McpHttp.Reply reply = mcp.toolsList(null);
        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = challenge(reply.header("WWW-Authenticate"));
        String metadataUrl = challenge.get("resource_metadata");
        assertNotNull(metadataUrl, "no resource_metadata in " + challenge);
        assertTrue(metadataUrl.endsWith("/.well-known/oauth-protected-resource/mcp"), metadataUrl);
        assertNotNull(challenge.get("scope"), "no scope in " + challenge);

        McpHttp.Reply prm = mcp.get(metadataUrl.replaceFirst("^https?://[^/]+", sidecar.baseUrl()));
        assertEquals(200, prm.status(), prm::toString);
        JsonObject metadata = prm.json();
        assertTrue(metadata.getJsonArray("authorization_servers").getValuesAs(JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(keycloak.issuer())), metadata.toString());
        Set<String> supported = new TreeSet<>();
        metadata.getJsonArray("scopes_supported").getValuesAs(JsonString.class).forEach(s -> supported.add(s.getString()));
        Set<String> challenged = scopeSet(challenge.get("scope"));
        assertFalse(challenged.isEmpty(), "empty scope in " + challenge);
        assertTrue(supported.containsAll(challenged), challenged + " not all in scopes_supported " + supported);
    }

    @Test
    void expiredTokenGets401InvalidToken() throws InterruptedException {
        String token;
        try {
            keycloak.setClientAttribute(Keycloak.CLI_CLIENT, "access.token.lifespan", "2");
            token = aliceToken("openid notes:read");
        } finally {
            keycloak.setClientAttribute(Keycloak.CLI_CLIENT, "access.token.lifespan", null);
        }
        long exp = Keycloak.jwtClaims(token).getJsonNumber("exp").longValue();
        long waitMillis = exp * 1000 - System.currentTimeMillis() + 1500;
        assertTrue(waitMillis < 10_000, "the token lives too long: exp " + exp);
        Thread.sleep(Math.max(0, waitMillis));

        McpHttp.Reply reply = mcp.toolsList(token);
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("invalid_token", challenge(reply.header("WWW-Authenticate")).get("error"), reply::toString);
    }

    @Test
    void tokenFromAnotherIssuerGets401() {
        String token = keycloak.passwordGrant(Keycloak.OTHER_REALM, Keycloak.CLI_CLIENT, null, Keycloak.USER,
                Keycloak.PASSWORD, "openid notes:read").getString("access_token");
        assertEquals(keycloak.issuer(Keycloak.OTHER_REALM), Keycloak.jwtClaims(token).getString("iss"));
        assertRejected(mcp.toolsList(token));
    }

    @Test
    void tokenWithoutTheSidecarInItsAudienceGets401() {
        // The sidecar's own client without plugin scopes: a real, valid token of the right issuer whose aud
        // does not name mcp-sidecar (only azp does).
        String token = keycloak.passwordGrant(Keycloak.SIDECAR_CLIENT, Keycloak.SIDECAR_SECRET, Keycloak.USER,
                Keycloak.PASSWORD, "openid").getString("access_token");
        JsonObject claims = Keycloak.jwtClaims(token);
        assertFalse(KeycloakHarnessTest.audience(claims).contains(OAuthEnvironment.AUDIENCE), claims.toString());
        assertRejected(mcp.toolsList(token));
    }

    @Test
    void tokenWithTamperedPayloadGets401() {
        String token = aliceToken("openid notes:read");
        String[] parts = token.split("\\.");
        JsonObject claims = Keycloak.jwtClaims(token);
        JsonObject forged = Json.createObjectBuilder(claims)
                .add("scope", claims.getString("scope") + " notes:write").build();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(mcp.toolsList(tampered));
        assertEquals(200, mcp.toolsList(token).status(), "the untampered token must still work");
    }

    @Test
    void tokenWithoutApplicationScopesSeesNoApplicationTools() {
        String token = aliceToken("openid");
        assertTrue(OAuthEnvironment.grantedScopes(token).stream().noneMatch(s -> s.contains(":")),
                OAuthEnvironment.grantedScopes(token).toString());
        McpHttp.Reply reply = mcp.toolsList(token);
        assertEquals(200, reply.status(), reply::toString);
        Set<String> listed = toolNames(reply);
        listed.retainAll(OAuthEnvironment.toolScopes().keySet());
        assertEquals(Set.of(), listed);
    }

    @Test
    void writeToolWithReadOnlyTokenGets403NamingEveryScopeTheCallNeedsAndSucceedsAfterStepUp() {
        String tool = "nc_notes_create_note";
        Set<String> needed = OAuthEnvironment.toolScopes().get(tool);
        assertNotNull(needed, tool + " is not served");
        assertTrue(needed.contains("notes:write"), needed.toString());
        JsonObject arguments = Json.createObjectBuilder().add("title", "Step-up " + System.nanoTime())
                .add("content", "written after a step-up to notes:write").build();

        String readOnly = aliceToken("openid notes:read");
        McpHttp.Reply denied = mcp.callTool(readOnly, tool, arguments);
        assertEquals(403, denied.status(), denied::toString);
        Map<String, String> challenge = challenge(denied.header("WWW-Authenticate"));
        assertEquals("insufficient_scope", challenge.get("error"), challenge.toString());
        assertEquals(needed, scopeSet(challenge.get("scope")), challenge.toString());
        assertNotNull(challenge.get("resource_metadata"), challenge.toString());
        assertTrue(challenge.get("resource_metadata").endsWith("/.well-known/oauth-protected-resource/mcp"),
                challenge.toString());

        // The client re-authorizes with the scopes the challenge named, plus what it had.
        Set<String> stepUp = new TreeSet<>(OAuthEnvironment.grantedScopes(readOnly));
        stepUp.addAll(scopeSet(challenge.get("scope")));
        stepUp.add("openid");
        String upgraded = aliceToken(String.join(" ", stepUp));
        McpHttp.Reply allowed = mcp.callTool(upgraded, tool, arguments);
        assertEquals(200, allowed.status(), allowed::toString);
        JsonObject result = allowed.result();
        assertFalse(result.getBoolean("isError", false), result.toString());
        assertEquals(arguments.getString("title"), result.getJsonObject("structuredContent").getString("title"),
                result.toString());
    }

    static void assertRejected(McpHttp.Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        Map<String, String> challenge = challenge(reply.header("WWW-Authenticate"));
        assertEquals("invalid_token", challenge.get("error"), reply::toString);
        assertNotNull(challenge.get("resource_metadata"), reply::toString);
    }
}
