package dev.ncmcp.server.transport;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Clients of 2025-03-26 to 2025-11-25 on the same endpoint: handshake, stateless sessions, legacy shapes. */
@RoutingTest
class LegacyProtocolTest {
    private final McpClient mcp;

    LegacyProtocolTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings()));
    }

    private static JsonObject initialize(String version) {
        return McpClient.request(0, "initialize", Json.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", JsonValue.EMPTY_JSON_OBJECT)
                .add("clientInfo", Json.createObjectBuilder().add("name", "legacy").add("version", "0.1"))
                .build());
    }

    @Test
    void initializeEchoes20251125() {
        assertInitialize("2025-11-25", "2025-11-25");
    }

    @Test
    void initializeEchoes20250618() {
        assertInitialize("2025-06-18", "2025-06-18");
    }

    @Test
    void initializeEchoes20250326() {
        assertInitialize("2025-03-26", "2025-03-26");
    }

    @Test
    void initializeWithUnknownVersionNegotiatesDownToLatestLegacy() {
        assertInitialize("2024-01-01", "2025-11-25");
    }

    private void assertInitialize(String requested, String expected) {
        McpClient.Reply reply = mcp.legacy(null, initialize(requested));
        assertThat(reply.status(), is(Status.OK_200));
        JsonObject result = reply.result();
        assertThat(result.getString("protocolVersion"), is(expected));
        assertThat(result.getJsonObject("serverInfo").getString("name"), is("ncmcp-test"));
        assertThat(result.getJsonObject("capabilities"), hasKey("tools"));
        assertThat(result.getString("instructions"), is("Test instructions"));
        String session = reply.headers().getOrDefault("mcp-session-id", "");
        assertThat("an opaque (sealed) session id for clients that expect one: " + session,
                session.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), is(true));
    }

    @Test
    void sessionIdIsNeverRequiredNorRemembered() {
        McpClient.Reply reply = mcp.legacy("2025-11-25", McpClient.request(2, "tools/list", null));
        assertThat(reply.status(), is(Status.OK_200));
    }

    @Test
    void notificationsAreAcceptedWith202AndNoBody() {
        for (String method : new String[] {"notifications/initialized", "notifications/cancelled", "notifications/x"}) {
            McpClient.Reply reply = mcp.legacy("2025-11-25", McpClient.request(null, method, null));
            assertThat(reply.status(), is(Status.ACCEPTED_202));
            assertThat(reply.body(), is(""));
        }
    }

    @Test
    void pingAnswersEmptyObject() {
        McpClient.Reply reply = mcp.legacy("2025-06-18", McpClient.request("p1", "ping", null));
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.result(), is(JsonValue.EMPTY_JSON_OBJECT));
        assertThat(reply.json().getString("id"), is("p1"));
    }

    @Test
    void toolsListWorksWithoutModernMetadata() {
        for (String version : new String[] {"2025-11-25", "2025-06-18", "2025-03-26"}) {
            McpClient.Reply reply = mcp.legacy(version, McpClient.request(2, "tools/list", null));
            assertThat(reply.status(), is(Status.OK_200));
            assertThat(reply.result().getJsonArray("tools").size(), is(7));
            assertThat(reply.result(), not(hasKey("resultType")));
            assertThat(reply.headers().keySet(), everyItem(not(is("mcp-session-id"))));
        }
    }

    @Test
    void missingVersionHeaderIsTreatedAs20250326() {
        McpClient.Reply reply = mcp.legacy(null, McpClient.request(3, "tools/call", Json.createObjectBuilder()
                .add("name", "demo_echo").add("arguments", Json.createObjectBuilder().add("title", "hi")).build()));
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text"), is("echo: hi"));
    }

    @Test
    void unknownResourceIsMinus32002InLegacy() {
        McpClient.Reply reply = mcp.legacy("2025-11-25", McpClient.request(4, "resources/read",
                Json.createObjectBuilder().add("uri", "demo://nope").build()));
        assertThat(reply.errorCode(), is(-32002));
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        McpClient.Reply reply = mcp.legacy("2025-11-25", McpClient.request(5, "logging/setLevel", null));
        assertThat(reply.errorCode(), is(-32601));
    }

    @Test
    void clientResponseIsIgnoredWith202() {
        McpClient.Reply reply = mcp.legacy("2025-11-25", Json.createObjectBuilder().add("jsonrpc", "2.0")
                .add("id", 9).add("result", JsonValue.EMPTY_JSON_OBJECT).build());
        assertThat(reply.status(), is(Status.ACCEPTED_202));
    }

    @Test
    void unknownVersionHeaderIsUnsupportedProtocolVersion() {
        McpClient.Reply reply = mcp.legacy("2024-11-05", McpClient.request(6, "tools/list", null));
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(-32022));
    }
}
