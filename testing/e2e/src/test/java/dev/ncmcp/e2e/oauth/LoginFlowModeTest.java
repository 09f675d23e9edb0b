package dev.ncmcp.e2e.oauth;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.testkit.Keycloak;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nextcloud.auth.mode: login-flow}: two Keycloak users each connect their own Nextcloud account
 * through the connection tools (Login Flow v2 against the simulator, which plays the browser's grant),
 * and neither sees the other's data; scopes narrow to the grant; revocation deletes the app password
 * in Nextcloud too.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoginFlowModeTest {

    private static NextcloudSimulator nextcloud;
    private static SidecarProcess sidecar;
    private static McpHttp mcp;

    @BeforeAll
    static void start() {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        nextcloud = NextcloudSimulator.builder().user(Keycloak.USER, "alice-login-password")
                .user(Keycloak.SECOND_USER, "bob-login-password").build().start();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEXTCLOUD_URL", nextcloud.baseUrl());
        env.put("NEXTCLOUD_AUTH_MODE", "login-flow");
        env.put("SECURITY_MODE", "oauth");
        env.put("SECURITY_ISSUERS", keycloak.issuer());
        env.put("SECURITY_AUDIENCES", Keycloak.SIDECAR_CLIENT);
        sidecar = SidecarProcess.start(SidecarProcess.Options.demo().withEnvironment(env)
                .inDirectory(OAuthEnvironment.workingDirectory()));
        mcp = new McpHttp(sidecar.url());
    }

    /** Each test starts with both users disconnected. */
    @BeforeEach
    void disconnectEveryone() {
        mcp.callTool(token(Keycloak.USER, Keycloak.PASSWORD, "openid"), "nc_auth_revoke_access",
                JsonValue.EMPTY_JSON_OBJECT);
        mcp.callTool(token(Keycloak.SECOND_USER, Keycloak.SECOND_PASSWORD, "openid"), "nc_auth_revoke_access",
                JsonValue.EMPTY_JSON_OBJECT);
    }

    @AfterAll
    static void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        if (nextcloud != null) {
            nextcloud.stop();
        }
    }

    @Test
    void eachUserConnectsTheirOwnNextcloudAndNeverSeesTheOthersData() throws Exception {
        String alice = token(Keycloak.USER, Keycloak.PASSWORD, "openid notes:read notes:write");
        String bob = token(Keycloak.SECOND_USER, Keycloak.SECOND_PASSWORD, "openid notes:read notes:write");

        JsonObject notConnected = mcp.callTool(alice, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();
        assertTrue(notConnected.getBoolean("isError"), notConnected.toString());
        assertTrue(text(notConnected).contains("nc_auth_provision_access"), text(notConnected));

        String alicePassword = connect(alice, Keycloak.USER);
        JsonObject created = mcp.callTool(alice, "nc_notes_create_note", Json.createObjectBuilder()
                .add("title", "Alice's secret plan").add("content", "only for alice").build()).result();
        assertFalse(created.getBoolean("isError"), created.toString());

        connect(bob, Keycloak.SECOND_USER);
        JsonObject bobsNotes = mcp.callTool(bob, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();
        assertFalse(bobsNotes.getBoolean("isError"), bobsNotes.toString());
        assertFalse(bobsNotes.toString().contains("Alice's secret plan"), "bob sees alice's note: " + bobsNotes);
        JsonObject alicesNotes = mcp.callTool(alice, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();
        assertTrue(alicesNotes.toString().contains("Alice's secret plan"), alicesNotes.toString());

        JsonObject revoked = mcp.callTool(alice, "nc_auth_revoke_access", JsonValue.EMPTY_JSON_OBJECT).result();
        assertEquals("revoked", revoked.getJsonObject("structuredContent").getString("status"), revoked.toString());
        assertEquals(401, notesStatus(Keycloak.USER, alicePassword), "the app password must be deleted in Nextcloud");
        JsonObject afterRevoke = mcp.callTool(alice, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT).result();
        assertTrue(text(afterRevoke).contains("nc_auth_provision_access"), afterRevoke.toString());
    }

    @Test
    void theConnectionsScopesNarrowTheTokensAndCanBeChanged() throws Exception {
        String token = token(Keycloak.USER, Keycloak.PASSWORD, "openid notes:read notes:write");
        JsonObject started = mcp.callTool(token, "nc_auth_provision_access", Json.createObjectBuilder()
                .add("scopes", Json.createArrayBuilder().add("notes:read")).build()).result();
        String oldPassword = grant(started, Keycloak.USER);
        assertEquals("connected", status(mcp.callTool(token, "nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT)));

        Set<String> tools = OAuthEnvironment.toolNames(mcp.toolsList(token));
        assertTrue(tools.contains("nc_notes_list_notes"), tools.toString());
        assertFalse(tools.contains("nc_notes_create_note"), "the grant covers notes:read only: " + tools);

        JsonObject update = mcp.callTool(token, "nc_auth_update_scopes", Json.createObjectBuilder()
                .add("scopes", Json.createArrayBuilder().add("notes:read").add("notes:write")).build()).result();
        assertEquals("pending", update.getJsonObject("structuredContent").getString("status"), update.toString());
        assertTrue(OAuthEnvironment.toolNames(mcp.toolsList(token)).contains("nc_notes_list_notes"),
                "the old connection keeps working until the new one is granted");
        grant(update, Keycloak.USER);
        JsonObject status = mcp.callTool(token, "nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT).result();
        assertEquals("[\"notes:read\",\"notes:write\"]",
                status.getJsonObject("structuredContent").getJsonArray("scopes").toString(), status.toString());

        assertTrue(OAuthEnvironment.toolNames(mcp.toolsList(token)).contains("nc_notes_create_note"));
        assertEquals(401, notesStatus(Keycloak.USER, oldPassword), "the replaced app password is revoked");
        mcp.callTool(token, "nc_auth_revoke_access", JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Provisions access for the token's user and grants it as {@code nextcloudUser}; returns the app password. */
    private String connect(String token, String nextcloudUser) throws Exception {
        JsonObject started = mcp.callTool(token, "nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT).result();
        String password = grant(started, nextcloudUser);
        JsonObject status = mcp.callTool(token, "nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT).result();
        assertEquals("connected", status.getJsonObject("structuredContent").getString("status"), status.toString());
        assertEquals(nextcloudUser, status.getJsonObject("structuredContent").getString("nextcloudUser"));
        return password;
    }

    /** Plays the browser: the user logs in to Nextcloud and grants the pending login flow. */
    private static String grant(JsonObject pendingResult, String nextcloudUser) {
        assertFalse(pendingResult.getBoolean("isError"), pendingResult.toString());
        JsonObject structured = pendingResult.getJsonObject("structuredContent");
        assertEquals("pending", structured.getString("status"), pendingResult.toString());
        String loginUrl = structured.getString("loginUrl");
        assertTrue(loginUrl.startsWith(nextcloud.baseUrl() + "/index.php/login/v2/flow/"), loginUrl);
        assertTrue(text(pendingResult).contains(loginUrl), "a client without elicitation gets the URL as text");
        return nextcloud.grantLoginFlow(loginUrl.substring(loginUrl.lastIndexOf('/') + 1), nextcloudUser);
    }

    private static String status(McpHttp.Reply reply) {
        return reply.result().getJsonObject("structuredContent").getString("status");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static String token(String user, String password, String scope) {
        return OAuthEnvironment.keycloak().passwordGrant(Keycloak.CLI_CLIENT, null, user, password, scope)
                .getString("access_token");
    }

    private static int notesStatus(String user, String appPassword) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(nextcloud.baseUrl()
                        + "/index.php/apps/notes/api/v1/notes"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + appPassword)
                        .getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
