package dev.ncmcp.server.transport;

import java.util.Set;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static dev.ncmcp.server.transport.McpClient.example;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** 2026-07-28 requests built from the spec's examples, answers checked against the example shapes. */
@ServerTest
class ModernProtocolTest {
    private static final Set<String> OPTIONAL = Set.of("nextCursor", "icons", "_meta", "instructions");

    private final McpClient mcp;

    ModernProtocolTest(Http1Client client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings()));
    }

    /** Every required key of the example result is present, and the 2026-07-28 envelope is complete. */
    private static void assertShape(JsonObject result, String exampleType, String exampleFile) {
        JsonObject expected = example(exampleType, exampleFile).getJsonObject("result");
        for (String key : expected.keySet()) {
            if (!OPTIONAL.contains(key)) {
                assertThat("result key " + key + " of " + exampleType, result, hasKey(key));
            }
        }
        assertThat(result.getString("resultType"), is("complete"));
        assertThat(result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"),
                is("ncmcp-test"));
    }

    private static JsonObject withParams(JsonObject request, JsonObject params) {
        JsonObject merged = Json.createObjectBuilder(request.getJsonObject("params")).addAll(
                Json.createObjectBuilder(params)).build();
        return Json.createObjectBuilder(request).add("params", merged).build();
    }

    @Test
    void discoverAnswersVersionsCapabilitiesAndServerInfo() {
        McpClient.Reply reply = mcp.modern(example("DiscoverRequest", "server-discover-request.json"));
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.contentType(), startsWith("application/json"));
        JsonObject result = reply.result();
        assertShape(result, "DiscoverResultResponse", "discover-result-response.json");
        assertThat(reply.json().getString("id"), is("discover-1"));
        assertThat(result.getJsonArray("supportedVersions").getString(0), is("2026-07-28"));
        assertThat(result.getJsonObject("capabilities").keySet(), contains("tools", "resources", "prompts"));
        assertThat(result.getJsonObject("capabilities").getJsonObject("tools"), is(JsonValue.EMPTY_JSON_OBJECT));
        assertThat(result.getString("instructions"), is("Test instructions"));
        assertThat(result.getJsonNumber("ttlMs").longValue(), is(300000L));
        assertThat(result.getString("cacheScope"), is("public"));
    }

    @Test
    void toolsListMatchesExampleShapeWithPrivateCaching() {
        McpClient.Reply reply = mcp.modern(example("ListToolsRequest", "list-tools-request.json"));
        assertThat(reply.status(), is(Status.OK_200));
        JsonObject result = reply.result();
        assertShape(result, "ListToolsResultResponse", "list-tools-result-response.json");
        assertThat(result.getString("cacheScope"), is("private"));
        assertThat(result.getJsonNumber("ttlMs").longValue(), is(300000L));
        JsonObject exampleTool = example("ListToolsResultResponse", "list-tools-result-response.json")
                .getJsonObject("result").getJsonArray("tools").getJsonObject(0);
        JsonObject tool = result.getJsonArray("tools").getJsonObject(0);
        for (String key : exampleTool.keySet()) {
            if (!OPTIONAL.contains(key)) {
                assertThat(tool, hasKey(key));
            }
        }
        // sorted by name, filtered by scope: admin_audit is hidden from a demo-only caller
        assertThat(result.getJsonArray("tools").stream().map(t -> t.asJsonObject().getString("name")).toList(),
                contains("demo_echo", "demo_fail", "demo_missing", "demo_nextcloud", "demo_progress",
                        "demo_structured", "demo_update"));
        assertThat(tool.getJsonObject("annotations").getBoolean("readOnlyHint"), is(true));
    }

    @Test
    void toolsCallMatchesExampleShape() {
        JsonObject request = withParams(example("CallToolRequest", "call-tool-request.json"),
                Json.createObjectBuilder().add("name", "demo_echo")
                        .add("arguments", Json.createObjectBuilder().add("title", "New York")).build());
        McpClient.Reply reply = mcp.modern(request);
        assertThat(reply.status(), is(Status.OK_200));
        assertShape(reply.result(), "CallToolResultResponse", "call-tool-result-response.json");
        assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text"), is("echo: New York"));
        assertThat(reply.result().getBoolean("isError"), is(false));
    }

    @Test
    void resourcesListTemplatesAndReadMatchExampleShapes() {
        McpClient.Reply list = mcp.modern(example("ListResourcesRequest", "list-resources-request.json"));
        assertShape(list.result(), "ListResourcesResultResponse", "list-resources-result-response.json");
        assertThat(list.result().getJsonArray("resources").size(), is(1));
        assertThat(list.result().getString("cacheScope"), is("private"));

        McpClient.Reply templates = mcp.modern(example("ListResourceTemplatesRequest",
                "list-resource-templates-request.json"));
        assertShape(templates.result(), "ListResourceTemplatesResultResponse",
                "list-resource-templates-result-response.json");
        assertThat(templates.result().getJsonArray("resourceTemplates").getJsonObject(0).getString("uriTemplate"),
                is("demo://note/{id}"));

        McpClient.Reply read = mcp.modern(withParams(example("ReadResourceRequest", "read-resource-request.json"),
                Json.createObjectBuilder().add("uri", "demo://note/42").build()));
        assertShape(read.result(), "ReadResourceResultResponse", "read-resource-result-response-with-ttl.json");
        assertThat(read.result().getJsonNumber("ttlMs").longValue(), is(0L));
        assertThat(read.result().getString("cacheScope"), is("private"));
        JsonObject contents = read.result().getJsonArray("contents").getJsonObject(0);
        assertThat(contents.getString("text"), is("note 42"));
        assertThat(contents.getString("uri"), is("demo://note/42"));
    }

    @Test
    void promptsListAndGetMatchExampleShapes() {
        McpClient.Reply list = mcp.modern(example("ListPromptsRequest", "list-prompts-request.json"));
        assertShape(list.result(), "ListPromptsResultResponse", "list-prompts-result-response.json");
        assertThat(list.result().getJsonArray("prompts").size(), is(1));

        McpClient.Reply get = mcp.modern(withParams(example("GetPromptRequest", "get-prompt-request.json"),
                Json.createObjectBuilder().add("name", "summarize")
                        .add("arguments", Json.createObjectBuilder().add("topic", "MCP")).build()));
        assertShape(get.result(), "GetPromptResultResponse", "get-prompt-result-response.json");
        JsonObject message = get.result().getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("role"), is("user"));
        assertThat(message.getJsonObject("content").getString("text"), is("Summarize MCP"));
    }

    @Test
    void unknownMethodIs404MethodNotFound() {
        McpClient.Reply reply = mcp.modern("sampling/nothing", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(reply.status(), is(Status.NOT_FOUND_404));
        assertThat(reply.errorCode(), is(example("MethodNotFoundError", "prompts-not-supported.json").getInt("code")));
    }

    @Test
    void pingWasRemovedIn20260728() {
        assertThat(mcp.modern("ping", JsonValue.EMPTY_JSON_OBJECT).status(), is(Status.NOT_FOUND_404));
    }

    @Test
    void unsupportedVersionIs400WithSupportedAndRequested() {
        JsonObject body = McpClient.modernRequest(1, "tools/list", Json.createObjectBuilder()
                .add("_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", "1900-01-01"))
                .build());
        var headers = McpClient.modernHeaders(body);
        headers.put("MCP-Protocol-Version", "1900-01-01");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        JsonObject expected = example("UnsupportedProtocolVersionError", "unsupported-version.json").getJsonObject("error");
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(expected.getInt("code")));
        assertThat(reply.error().getJsonObject("data").keySet(), is(expected.getJsonObject("data").keySet()));
        assertThat(reply.error().getJsonObject("data").getString("requested"), is("1900-01-01"));
        assertThat(reply.error().getJsonObject("data").getJsonArray("supported").getString(0), is("2026-07-28"));
    }

    @Test
    void mcpNameHeaderMismatchIs400HeaderMismatch() {
        JsonObject body = McpClient.modernRequest(1, "tools/call", Json.createObjectBuilder()
                .add("name", "demo_echo").add("arguments", Json.createObjectBuilder().add("title", "x")).build());
        var headers = McpClient.modernHeaders(body);
        headers.put("Mcp-Name", "demo_fail");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(example("HeaderMismatchError", "header-mismatch.json")
                .getJsonObject("error").getInt("code")));
        assertThat(reply.json().getInt("id"), is(1));
    }

    @Test
    void missingMethodOrVersionHeaderIsHeaderMismatch() {
        JsonObject body = McpClient.modernRequest(1, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        var noMethod = McpClient.modernHeaders(body);
        noMethod.remove("Mcp-Method");
        assertThat(mcp.post(body.toString(), noMethod).errorCode(), is(-32020));
        var wrongMethod = McpClient.modernHeaders(body);
        wrongMethod.put("Mcp-Method", "prompts/list");
        assertThat(mcp.post(body.toString(), wrongMethod).errorCode(), is(-32020));
        var noVersion = McpClient.modernHeaders(body);
        noVersion.remove("MCP-Protocol-Version");
        McpClient.Reply reply = mcp.post(body.toString(), noVersion);
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(-32020));
    }

    @Test
    void base64EncodedMcpNameIsDecodedBeforeComparing() {
        JsonObject body = McpClient.modernRequest(1, "resources/read",
                Json.createObjectBuilder().add("uri", "demo://note/Grüße").build());
        var headers = McpClient.modernHeaders(body);
        headers.put("Mcp-Name", "=?base64?" + java.util.Base64.getEncoder().encodeToString(
                "demo://note/Grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.result().getJsonArray("contents").getJsonObject(0).getString("text"), is("note Grüße"));
    }

    @Test
    void missingClientCapabilitiesIs400InvalidParams() {
        JsonObject body = McpClient.request(1, "tools/list", Json.createObjectBuilder()
                .add("_meta", Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", "2026-07-28"))
                .build());
        McpClient.Reply reply = mcp.post(body.toString(), McpClient.modernHeaders(body));
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(-32602));
        assertThat(reply.error().getString("message"), containsString("clientCapabilities"));
    }

    @Test
    void modernHeaderWithoutMetaIs400InvalidParams() {
        JsonObject body = McpClient.request(1, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        McpClient.Reply reply = mcp.post(body.toString(), McpClient.modernHeaders(body));
        assertThat(reply.status(), is(Status.BAD_REQUEST_400));
        assertThat(reply.errorCode(), is(-32602));
    }

    @Test
    void unknownToolIsInvalidParams() {
        McpClient.Reply reply = mcp.modern("tools/call", Json.createObjectBuilder().add("name", "invalid_tool_name").build());
        JsonObject expected = example("InvalidParamsError", "unknown-tool.json");
        assertThat(reply.errorCode(), is(expected.getInt("code")));
        assertThat(reply.error().getString("message"), is(expected.getString("message")));
    }

    @Test
    void unknownPromptAndMissingPromptArgumentAreInvalidParams() {
        McpClient.Reply unknown = mcp.modern("prompts/get", Json.createObjectBuilder().add("name", "invalid_prompt_name").build());
        JsonObject expected = example("InvalidParamsError", "unknown-prompt.json");
        assertThat(unknown.errorCode(), is(expected.getInt("code")));
        assertThat(unknown.error().getString("message"), is(expected.getString("message")));
        McpClient.Reply missing = mcp.modern("prompts/get", Json.createObjectBuilder().add("name", "summarize").build());
        assertThat(missing.errorCode(), is(-32602));
        assertThat(missing.error().getString("message"), containsString("topic"));
    }

    @Test
    void unknownResourceIsInvalidParamsInModern() {
        McpClient.Reply reply = mcp.modern("resources/read", Json.createObjectBuilder().add("uri", "demo://nope").build());
        assertThat(reply.errorCode(), is(-32602));
        assertThat(reply.error().getString("message"), is("Resource not found"));
        McpClient.Reply notFoundByReader = mcp.modern("resources/read",
                Json.createObjectBuilder().add("uri", "demo://note/missing").build());
        assertThat(notFoundByReader.errorCode(), is(-32602));
    }

    @Test
    void invalidCursorIsInvalidParams() {
        McpClient.Reply reply = mcp.modern("tools/list", Json.createObjectBuilder().add("cursor", "not-ours!").build());
        JsonObject expected = example("InvalidParamsError", "invalid-cursor.json");
        assertThat(reply.errorCode(), is(expected.getInt("code")));
        assertThat(reply.error().getString("message"), is(expected.getString("message")));
    }

    @Test
    void sessionIdIsIgnoredAndNeverMinted() {
        JsonObject body = McpClient.modernRequest(1, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        var headers = McpClient.modernHeaders(body);
        headers.put("Mcp-Session-Id", "abc");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.headers().keySet(), everyItem(not(is("mcp-session-id"))));
    }

    @Test
    void getAndDeleteAre405() {
        assertThat(mcp.send("GET").status(), is(Status.METHOD_NOT_ALLOWED_405));
        assertThat(mcp.send("DELETE").status(), is(Status.METHOD_NOT_ALLOWED_405));
    }

    @Test
    void subscriptionsListenIsAcknowledgedWithAnEmptyFilterAndCompleted() {
        McpClient.Reply reply = mcp.modern(example("SubscriptionsListenRequest", "listen-for-list-changes.json"));
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.contentType(), startsWith("text/event-stream"));
        var events = reply.events();
        assertThat(events.size(), is(2));
        assertThat(events.get(0).getString("method"), is("notifications/subscriptions/acknowledged"));
        assertThat(events.get(0).getJsonObject("params").getJsonObject("notifications"), is(JsonValue.EMPTY_JSON_OBJECT));
        assertThat(events.get(0).getJsonObject("params").getJsonObject("_meta")
                .getString("io.modelcontextprotocol/subscriptionId"), is("listen-1"));
        JsonObject result = events.get(1).getJsonObject("result");
        assertThat(result.getString("resultType"), is("complete"));
        assertThat(result.getJsonObject("_meta").getString("io.modelcontextprotocol/subscriptionId"), is("listen-1"));
    }

    @Test
    void notificationIsAcceptedWith202AndNoBody() {
        JsonObject body = McpClient.request(null, "notifications/cancelled", JsonValue.EMPTY_JSON_OBJECT);
        McpClient.Reply reply = mcp.post(body.toString(), java.util.Map.of("MCP-Protocol-Version", "2026-07-28"));
        assertThat(reply.status(), is(Status.ACCEPTED_202));
        assertThat(reply.body(), is(""));
    }
}
