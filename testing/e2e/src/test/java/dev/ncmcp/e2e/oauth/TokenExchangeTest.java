package dev.ncmcp.e2e.oauth;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.testkit.Keycloak;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nextcloud.auth.mode: token-exchange} end to end: the sidecar exchanges alice's MCP token at
 * Keycloak (RFC 8693) for one with audience {@code nextcloud}, and the Nextcloud side — the simulator,
 * acting like user_oidc — accepts only tokens whose audience names Nextcloud.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TokenExchangeTest {

    private static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final List<String> REFUSED = new CopyOnWriteArrayList<>();
    private static NextcloudSimulator nextcloud;

    @BeforeAll
    static void startNextcloud() {
        nextcloud = NextcloudSimulator.builder().user(Keycloak.USER, "unused-login-password")
                .bearerTokens(TokenExchangeTest::userOidc).build().start();
    }

    @AfterAll
    static void stopNextcloud() {
        if (nextcloud != null) {
            nextcloud.stop();
        }
    }

    /** What user_oidc would do: accept a token only when its audience names Nextcloud. */
    private static Optional<String> userOidc(String token) {
        JsonObject claims = claims(token);
        if (claims == null || !audiences(claims).contains("nextcloud")) {
            REFUSED.add(token);
            return Optional.empty();
        }
        ACCEPTED.add(token);
        return Optional.of(claims.getString("preferred_username", claims.getString("sub", "")));
    }

    @Test
    void toolCallsReachNextcloudWithAnExchangedTokenForTheNextcloudAudience() {
        try (SidecarProcess sidecar = sidecar("nextcloud", "nextcloud-audience")) {
            McpHttp mcp = new McpHttp(sidecar.url());
            String token = OAuthEnvironment.aliceToken("openid notes:read notes:write");
            assertFalse(audiences(claims(token)).contains("nextcloud"), "the MCP token itself is not for Nextcloud");

            JsonObject created = mcp.callTool(token, "nc_notes_create_note", Json.createObjectBuilder()
                    .add("title", "Exchanged").add("content", "via RFC 8693").build()).result();
            assertFalse(created.getBoolean("isError"), created.toString());
            JsonObject listed = mcp.callTool(token, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();
            assertTrue(listed.toString().contains("Exchanged"), listed.toString());

            assertFalse(ACCEPTED.isEmpty(), "Nextcloud saw exchanged tokens");
            String exchanged = ACCEPTED.getLast();
            assertNotEquals(token, exchanged, "the caller's own token is never forwarded");
            JsonObject claims = claims(exchanged);
            assertEquals(Keycloak.USER, claims.getString("preferred_username"), claims.toString());
            assertEquals(claims(token).getString("sub"), claims.getString("sub"), "the same user");
            assertTrue(REFUSED.isEmpty(), "no token without the Nextcloud audience reached Nextcloud: " + REFUSED.size());
        }
    }

    @Test
    void aRefusedExchangeIsAToolErrorTellingTheOperatorWhatToConfigure() {
        try (SidecarProcess sidecar = sidecar("nextcloud", "no-such-scope")) {
            McpHttp mcp = new McpHttp(sidecar.url());
            String token = OAuthEnvironment.aliceToken("openid notes:read");

            JsonObject result = mcp.callTool(token, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();

            assertTrue(result.getBoolean("isError"), result.toString());
            String text = result.getJsonArray("content").getJsonObject(0).getString("text");
            assertTrue(text.contains("refused to exchange"), text);
            assertTrue(text.contains("operator"), text);
            assertFalse(text.contains(token), "the token never appears in errors");
        }
    }

    private static SidecarProcess sidecar(String audience, String extraScopes) {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEXTCLOUD_URL", nextcloud.baseUrl());
        env.put("NEXTCLOUD_AUTH_MODE", "token-exchange");
        env.put("NEXTCLOUD_EXCHANGE_AUDIENCE", audience);
        env.put("NEXTCLOUD_EXCHANGE_SCOPES", extraScopes);
        env.put("SECURITY_MODE", "oauth");
        env.put("SECURITY_ISSUERS", keycloak.issuer());
        env.put("SECURITY_AUDIENCES", Keycloak.SIDECAR_CLIENT);
        env.put("SECURITY_CLIENT_ID", Keycloak.SIDECAR_CLIENT);
        env.put("SECURITY_CLIENT_SECRET", Keycloak.SIDECAR_SECRET);
        return SidecarProcess.start(SidecarProcess.Options.demo().withEnvironment(env)
                .inDirectory(OAuthEnvironment.workingDirectory()));
    }

    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static List<String> audiences(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return List.of();
    }
}
