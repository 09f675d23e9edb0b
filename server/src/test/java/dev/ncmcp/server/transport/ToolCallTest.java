package dev.ncmcp.server.transport;

import java.util.List;
import java.util.Map;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** tools/call: validation, results, errors, scopes, progress over SSE. */
@ServerTest
class ToolCallTest {
    private final McpClient mcp;

    ToolCallTest(Http1Client client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings()));
    }

    private McpClient.Reply call(String tool, JsonObject arguments) {
        return mcp.modern("tools/call", Json.createObjectBuilder().add("name", tool).add("arguments", arguments).build());
    }

    private static String text(JsonObject result, int index) {
        return result.getJsonArray("content").getJsonObject(index).getString("text");
    }

    @Test
    void argumentsFailingTheSchemaAreAToolErrorNamingEachPath() {
        McpClient.Reply reply = call("demo_echo", Json.createObjectBuilder()
                .add("title", 5).add("count", -1).add("extra", true).build());
        assertThat(reply.status(), is(Status.OK_200));
        JsonObject result = reply.result();
        assertThat(result.getBoolean("isError"), is(true));
        String message = text(result, 0);
        assertThat(message, containsString("arguments.title: expected string, got number"));
        assertThat(message, containsString("arguments.count: expected a number >= 0, got -1"));
        assertThat(message, containsString("arguments.extra: unexpected property"));
    }

    @Test
    void missingRequiredArgumentIsAToolError() {
        JsonObject result = call("demo_echo", JsonValue.EMPTY_JSON_OBJECT).result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result, 0), containsString("arguments.title: required property is missing"));
    }

    @Test
    void structuredResultCarriesStructuredContentAndEveryContentKind() {
        JsonObject result = call("demo_structured", JsonValue.EMPTY_JSON_OBJECT).result();
        assertThat(result.getJsonObject("structuredContent").getInt("n"), is(7));
        JsonArray content = result.getJsonArray("content");
        assertThat(content.stream().map(c -> c.asJsonObject().getString("type")).toList(),
                contains("text", "image", "audio", "resource", "resource", "resource_link"));
        assertThat(content.getJsonObject(1).getString("data"), is("aW1n"));
        assertThat(content.getJsonObject(1).getString("mimeType"), is("image/png"));
        assertThat(content.getJsonObject(3).getJsonObject("resource").getString("text"), is("A"));
        assertThat(content.getJsonObject(4).getJsonObject("resource").getString("blob"), is("Qg=="));
        JsonObject link = content.getJsonObject(5);
        assertThat(link.getString("uri"), is("demo://note/1"));
        assertThat(link.getJsonNumber("size").longValue(), is(3L));
    }

    @Test
    void toolExceptionIsAToolErrorWithItsMessageAndKind() {
        JsonObject result = call("demo_missing", JsonValue.EMPTY_JSON_OBJECT).result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result, 0), is("Note 7 does not exist; list notes to find one"));
        assertThat(result.containsKey("structuredContent"), is(false));
        assertThat(result.getJsonObject("_meta").getString("dev.ncmcp/errorKind"), is("NOT_FOUND"));
    }

    @Test
    void conflictCarriesItsDetailsInASecondTextBlock() {
        JsonObject result = call("demo_update", JsonValue.EMPTY_JSON_OBJECT).result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result, 0), is("The note changed since it was read"));
        assertThat(text(result, 1), is("{\"etag\":\"e2\"}"));
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithoutItsMessage() {
        McpClient.Reply reply = call("demo_fail", JsonValue.EMPTY_JSON_OBJECT);
        JsonObject result = reply.result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result, 0).matches("Internal error in tool demo_fail \\(request id [0-9a-f]+\\)"), is(true));
        assertThat(reply.body(), not(containsString(TestPlugins.SECRET)));
        assertThat(reply.body(), not(containsString("Exception")));
    }

    @Test
    void nextcloudFailureIsAToolErrorWithItsSafeMessage() {
        JsonObject result = call("demo_nextcloud", JsonValue.EMPTY_JSON_OBJECT).result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result, 0), is("Nextcloud is not reachable in tests"));
    }

    @Test
    void missingScopeStepsUpWith403() {
        JsonObject body = McpClient.modernRequest(1, "tools/call", Json.createObjectBuilder()
                .add("name", "demo_update").build());
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put(TestPlugins.SCOPES_HEADER, "demo:read");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.status(), is(Status.FORBIDDEN_403));
        assertThat(reply.headers().get("www-authenticate"), is("Bearer error=\"insufficient_scope\", "
                + "scope=\"demo:read demo:write\", resource_metadata=\"" + TestPlugins.METADATA + "\""));
        assertThat("the refusal answers the request", reply.json().getInt("id"), is(1));
    }

    @Test
    void listsAreFilteredByTheCallersScopes() {
        JsonObject body = McpClient.modernRequest(1, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put(TestPlugins.SCOPES_HEADER, "admin:read");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.result().getJsonArray("tools").stream().map(t -> t.asJsonObject().getString("name")).toList(),
                contains("admin_audit"));
        JsonObject prompts = McpClient.modernRequest(2, "prompts/list", JsonValue.EMPTY_JSON_OBJECT);
        Map<String, String> promptHeaders = McpClient.modernHeaders(prompts);
        promptHeaders.put(TestPlugins.SCOPES_HEADER, "demo:read");
        assertThat(mcp.post(prompts.toString(), promptHeaders).result().getJsonArray("prompts").size(), is(1));
    }

    @Test
    void readingAResourceWithoutItsScopeStepsUpWith403() {
        JsonObject body = McpClient.modernRequest(1, "resources/read", Json.createObjectBuilder()
                .add("uri", "admin://log").build());
        McpClient.Reply reply = mcp.post(body.toString(), McpClient.modernHeaders(body));
        assertThat(reply.status(), is(Status.FORBIDDEN_403));
    }

    @Test
    void progressTokenStreamsProgressThenTheResponse() {
        JsonObject body = McpClient.modernRequest(7, "tools/call", Json.createObjectBuilder()
                .add("name", "demo_progress")
                .add("_meta", Json.createObjectBuilder().add("progressToken", "tok-1"))
                .build());
        McpClient.Reply reply = mcp.modern(body);
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.contentType(), startsWith("text/event-stream"));
        assertThat(reply.headers().get("x-accel-buffering"), is("no"));
        List<JsonObject> events = reply.events();
        assertThat(events.size(), is(4));
        for (int i = 0; i < 3; i++) {
            JsonObject params = events.get(i).getJsonObject("params");
            assertThat(events.get(i).getString("method"), is("notifications/progress"));
            assertThat(params.getString("progressToken"), is("tok-1"));
            assertThat(params.getJsonNumber("progress").intValue(), is(i + 1));
            assertThat(params.getJsonNumber("total").intValue(), is(3));
        }
        assertThat(events.get(0).getJsonObject("params").getString("message"), is("one"));
        JsonObject response = events.get(3);
        assertThat(response.getInt("id"), is(7));
        assertThat(response.getJsonObject("result").getString("resultType"), is("complete"));
        assertThat(text(response.getJsonObject("result"), 0), is("done, cancelled=false"));
    }

    @Test
    void withoutProgressTokenTheAnswerIsPlainJson() {
        McpClient.Reply reply = call("demo_progress", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(reply.contentType(), startsWith("application/json"));
        assertThat(text(reply.result(), 0), is("done, cancelled=false"));
    }

    @Test
    void clientAcceptingOnlyJsonGetsNoStream() {
        JsonObject body = McpClient.modernRequest(7, "tools/call", Json.createObjectBuilder()
                .add("name", "demo_progress")
                .add("_meta", Json.createObjectBuilder().add("progressToken", 5))
                .build());
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put("Accept", "application/json");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.contentType(), startsWith("application/json"));
        assertThat(text(reply.result(), 0), is("done, cancelled=false"));
    }
}
