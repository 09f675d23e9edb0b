package dev.ncmcp.server.transport;

import java.util.Map;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Every malformed input gets the right JSON-RPC error and HTTP status, never a 500 or a stack trace. */
@RoutingTest
class MalformedInputTest {
    private final McpClient mcp;

    MalformedInputTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings().withMaxRequestBytes(1024)));
    }

    private McpClient.Reply assertError(String body, Map<String, String> headers, Status status, int code) {
        McpClient.Reply reply = mcp.post(body, headers);
        assertThat(body, reply.status(), is(status));
        assertThat(body, reply.errorCode(), is(code));
        assertThat(reply.body(), not(containsString("Exception")));
        assertThat(reply.body(), not(containsString("\tat ")));
        return reply;
    }

    @Test
    void bodyThatIsNotJsonIsParseErrorWithNullId() {
        for (String body : new String[] {"{", "not json", "{\"jsonrpc\": \"2.0\", \"id\": 1,}", "", "\u0000"}) {
            McpClient.Reply reply = assertError(body, Map.of(), Status.BAD_REQUEST_400, -32700);
            assertThat(reply.json().get("id"), is(JsonValue.NULL));
        }
    }

    private static final String[] NOT_REQUESTS = {
            "[{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}]",
            "42",
            "\"text\"",
            "{\"id\": 1, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"1.0\", \"id\": 1, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": null, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": true, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": {}, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": 1.5, \"method\": \"tools/list\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": 7}",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": []}",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": \"x\"}",
            "{\"jsonrpc\": \"2.0\", \"id\": 1}"};

    @Test
    void jsonThatIsNotARequestIsInvalidRequest() {
        for (String body : NOT_REQUESTS) {
            assertError(body, Map.of(), Status.BAD_REQUEST_400, -32600);
        }
    }

    @Test
    void wrongParamTypesAreInvalidParams() {
        assertThat(mcp.modern("tools/call", Json.createObjectBuilder().add("name", "demo_echo")
                .add("arguments", "text").build()).errorCode(), is(-32602));
        assertThat(mcp.modern("tools/list", Json.createObjectBuilder().add("cursor", 5).build()).errorCode(), is(-32602));
        assertThat(mcp.modern("prompts/get", Json.createObjectBuilder().add("name", "summarize")
                .add("arguments", Json.createObjectBuilder().add("topic", 3)).build()).errorCode(), is(-32602));
        // a numeric tool name: the body value is no string, so the Mcp-Name header cannot match
        assertThat(mcp.legacy("2025-11-25", McpClient.request(1, "tools/call",
                Json.createObjectBuilder().add("name", 5).build())).errorCode(), is(-32602));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {\"pad\": \""
                + "x".repeat(2000) + "\"}}";
        assertError(big, Map.of(), Status.REQUEST_ENTITY_TOO_LARGE_413, -32600);
    }

    @Test
    void wrongContentTypeIs415() {
        assertError("{}", Map.of("Content-Type", "text/plain"), Status.UNSUPPORTED_MEDIA_TYPE_415, -32600);
    }

    @Test
    void clientThatDoesNotAcceptJsonIs406() {
        String body = McpClient.request(1, "tools/list", null).toString();
        assertError(body, Map.of("Accept", "text/html", "MCP-Protocol-Version", "2025-11-25"),
                Status.NOT_ACCEPTABLE_406, -32600);
    }

    @Test
    void wildcardAcceptIsEnough() {
        String body = McpClient.request(1, "tools/list", null).toString();
        McpClient.Reply reply = mcp.post(body, Map.of("Accept", "*/*", "MCP-Protocol-Version", "2025-11-25"));
        assertThat(reply.status(), is(Status.OK_200));
    }

    @Test
    void modernClientResponseIs400() {
        String body = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {}}";
        assertError(body, Map.of("MCP-Protocol-Version", "2026-07-28"), Status.BAD_REQUEST_400, -32600);
    }
}
