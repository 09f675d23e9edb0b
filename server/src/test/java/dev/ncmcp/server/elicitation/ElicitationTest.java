package dev.ncmcp.server.elicitation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ncmcp.server.Sidecar;
import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.LegacySession;
import dev.ncmcp.server.protocol.Sealer;
import dev.ncmcp.server.transport.FakeNextcloud;
import dev.ncmcp.server.transport.McpClient;
import dev.ncmcp.server.transport.TestPlugins;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Elicitation: 2026-07-28 multi round-trip requests, 2025-11-25 / 2025-06-18 server requests and -32042. */
@ServerTest
class ElicitationTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String LOGIN_URL = "https://cloud.example.com/login/v2/flow/abc";
    static final AtomicInteger TWO_STEP_RUNS = new AtomicInteger();

    private final McpClient mcp;
    private final int port;

    ElicitationTest(Http1Client client, WebServer server) {
        this.mcp = new McpClient(client);
        this.port = server.port();
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings().withStateKey(KEY),
                PluginRegistry.of(List.of(new Asking())),
                (token, headers) -> AuthenticatedCaller.withoutToken(new Caller(headers.first(
                        io.helidon.http.HeaderNames.create("X-Test-Subject")).orElse("subject-1"), "alice",
                        Set.of(Asking.USE))),
                FakeNextcloud.unreachable("no Nextcloud in tests")));
    }

    /** Tools that ask: the shapes of the spec's examples, two rounds, URL mode, a handler that swallows. */
    static final class Asking implements NextcloudPlugin {
        static final Scope USE = Scope.read("ask");
        static final JsonObject EXAMPLE = McpClient.example("ElicitRequest", "elicitation-request.json");

        @Override
        public String id() {
            return "ask";
        }

        @Override
        public List<ScopeDefinition> scopes() {
            return List.of(new ScopeDefinition(USE, "Ask"));
        }

        private static ToolDefinition.Builder tool(String name) {
            return ToolDefinition.builder(name).title(name).description(name).inputSchema("{\"type\": \"object\"}")
                    .annotations(ToolAnnotations.READ_ONLY).requires(USE);
        }

        private static String describe(ElicitationResult result) {
            return switch (result.action()) {
                case ACCEPT -> "accepted " + result.content();
                case DECLINE -> "declined";
                case CANCEL -> "cancelled";
            };
        }

        @Override
        public List<ToolDefinition> tools() {
            JsonObject params = EXAMPLE.getJsonObject("params");
            return List.of(
                    tool("ask_name").handler(call -> {
                        Elicitation elicitation = call.elicitation();
                        if (!elicitation.supportsForm()) {
                            return ToolResult.text("fallback: " + params.getString("message"));
                        }
                        return ToolResult.text(describe(elicitation.form(params.getString("message"),
                                params.getJsonObject("requestedSchema"))));
                    }).build(),
                    tool("ask_two").handler(call -> {
                        TWO_STEP_RUNS.incrementAndGet();
                        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                                .add("properties", Json.createObjectBuilder()
                                        .add("value", Json.createObjectBuilder().add("type", "string")))
                                .build();
                        ElicitationResult name = call.elicitation().form("Your name?", schema);
                        ElicitationResult color = call.elicitation().form("Your colour?", schema);
                        return ToolResult.text(name.content().getString("value") + " likes "
                                + color.content().getString("value"));
                    }).build(),
                    tool("login").handler(call -> {
                        Elicitation elicitation = call.elicitation();
                        if (!elicitation.supportsUrl()) {
                            return ToolResult.text("Open " + LOGIN_URL + " to log in, then call login again.");
                        }
                        return ToolResult.text(describe(elicitation.url("Log in to Nextcloud", LOGIN_URL)));
                    }).build(),
                    tool("swallow").handler(call -> {
                        try {
                            call.elicitation().form("Name?", Json.createObjectBuilder().add("type", "object").build());
                        } catch (RuntimeException | ToolException e) {
                            return ToolResult.text("swallowed");
                        }
                        return ToolResult.text("answered");
                    }).build());
        }
    }

    // ---- 2026-07-28 ----

    private static JsonObject capabilities(JsonObject elicitation) {
        JsonObject caps = elicitation == null ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder().add("elicitation", elicitation).build();
        return Json.createObjectBuilder().add("io.modelcontextprotocol/clientCapabilities", caps).build();
    }

    private static final JsonObject FORM_ONLY = JsonValue.EMPTY_JSON_OBJECT;
    private static final JsonObject URL_ONLY = Json.createObjectBuilder().add("url", JsonValue.EMPTY_JSON_OBJECT).build();

    private McpClient.Reply callModern(String tool, JsonObject elicitation, JsonObject inputResponses, String state,
                                       Map<String, String> extraHeaders) {
        var params = Json.createObjectBuilder().add("name", tool).add("arguments", Json.createObjectBuilder().add("x", 1))
                .add("_meta", capabilities(elicitation));
        if (inputResponses != null) {
            params.add("inputResponses", inputResponses);
        }
        if (state != null) {
            params.add("requestState", state);
        }
        JsonObject body = McpClient.modernRequest(1, "tools/call", params.build());
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.putAll(extraHeaders);
        return mcp.post(body.toString(), headers);
    }

    private McpClient.Reply callModern(String tool, JsonObject elicitation, JsonObject inputResponses, String state) {
        return callModern(tool, elicitation, inputResponses, state, Map.of());
    }

    private static JsonObject responses(String key, JsonObject answer) {
        return Json.createObjectBuilder().add(key, answer).build();
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    @Test
    void formElicitationIsAnInputRequiredResultShapedLikeTheSpecExample() {
        JsonObject result = callModern("ask_name", FORM_ONLY, null, null).result();
        assertThat(result.getString("resultType"), is("input_required"));
        JsonObject example = McpClient.example("InputRequiredResult",
                "input-required-result-with-elicitation-and-sampling-and-request-state.json");
        for (String field : example.keySet()) {
            assertThat(result, hasKey(field));
        }
        assertThat(result.getJsonObject("inputRequests").keySet(), is(Set.of("elicitation-1")));
        assertThat(result.getJsonObject("inputRequests").getJsonObject("elicitation-1"),
                is(McpClient.example("ElicitRequest", "elicitation-request.json")));
        assertThat("input_required is never cached", result, not(hasKey("ttlMs")));
        assertThat(result, not(hasKey("cacheScope")));
        assertThat(result.getJsonObject("_meta"), hasKey("io.modelcontextprotocol/serverInfo"));
    }

    @Test
    void theRetryWithTheAnswerCompletesTheCall() {
        JsonObject first = callModern("ask_name", FORM_ONLY, null, null).result();
        JsonObject answer = McpClient.example("ElicitResult", "input-single-field.json");
        JsonObject result = callModern("ask_name", FORM_ONLY, responses("elicitation-1", answer),
                first.getString("requestState")).result();
        assertThat(result.getString("resultType"), is("complete"));
        assertThat(text(result), is("accepted {\"name\":\"octocat\"}"));
    }

    @Test
    void declineAndCancelReachTheHandler() {
        String state = callModern("ask_name", FORM_ONLY, null, null).result().getString("requestState");
        assertThat(text(callModern("ask_name", FORM_ONLY, responses("elicitation-1",
                Json.createObjectBuilder().add("action", "decline").build()), state).result()), is("declined"));
        assertThat(text(callModern("ask_name", FORM_ONLY, responses("elicitation-1",
                Json.createObjectBuilder().add("action", "cancel").build()), state).result()), is("cancelled"));
    }

    @Test
    void aSecondElicitationInTheSameCallIsASecondRound() {
        TWO_STEP_RUNS.set(0);
        JsonObject round1 = callModern("ask_two", FORM_ONLY, null, null).result();
        assertThat(round1.getJsonObject("inputRequests").keySet(), is(Set.of("elicitation-1")));
        JsonObject round2 = callModern("ask_two", FORM_ONLY, responses("elicitation-1", value("octocat")),
                round1.getString("requestState")).result();
        assertThat(round2.getString("resultType"), is("input_required"));
        assertThat(round2.getJsonObject("inputRequests").keySet(), is(Set.of("elicitation-2")));
        assertThat(round2.getJsonObject("inputRequests").getJsonObject("elicitation-2").getJsonObject("params")
                .getString("message"), is("Your colour?"));
        // the first answer travels in the state: the client sends only the newest one
        JsonObject done = callModern("ask_two", FORM_ONLY, responses("elicitation-2", value("blue")),
                round2.getString("requestState")).result();
        assertThat(text(done), is("octocat likes blue"));
        assertThat("the handler runs again from the start on each retry", TWO_STEP_RUNS.get(), is(3));
    }

    private static JsonObject value(String value) {
        return Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder().add("value", value)).build();
    }

    @Test
    void aRetryWithoutTheAnswerAsksAgain() {
        String state = callModern("ask_name", FORM_ONLY, null, null).result().getString("requestState");
        JsonObject again = callModern("ask_name", FORM_ONLY, null, state).result();
        assertThat(again.getString("resultType"), is("input_required"));
        assertThat(again.getJsonObject("inputRequests").keySet(), is(Set.of("elicitation-1")));
    }

    @Test
    void urlElicitationForAModernClient() {
        JsonObject first = callModern("login", URL_ONLY, null, null).result();
        JsonObject request = first.getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertThat(request.getString("method"), is("elicitation/create"));
        JsonObject expected = Json.createObjectBuilder().add("mode", "url").add("message", "Log in to Nextcloud")
                .add("url", LOGIN_URL).build();
        assertThat(request.getJsonObject("params"), is(expected));
        assertThat(request.getJsonObject("params").keySet(),
                is(McpClient.example("ElicitRequestURLParams", "elicit-sensitive-data.json").keySet()));
        JsonObject done = callModern("login", URL_ONLY, responses("elicitation-1",
                McpClient.example("ElicitResult", "accept-url-mode-no-content.json")),
                first.getString("requestState")).result();
        assertThat(text(done), is("accepted {}"));
    }

    @Test
    void clientWithoutTheModeGetsTheFallback() {
        assertThat(text(callModern("ask_name", null, null, null).result()),
                is("fallback: Please provide your GitHub username"));
        assertThat(text(callModern("ask_name", URL_ONLY, null, null).result()),
                is("fallback: Please provide your GitHub username"));
        assertThat(text(callModern("login", FORM_ONLY, null, null).result()), startsWith("Open " + LOGIN_URL));
    }

    @Test
    void callingAnUnsupportedModeIsAToolErrorForTheModel() {
        JsonObject result = callModern("ask_two", null, null, null).result();
        assertThat(result.getBoolean("isError"), is(true));
        assertThat(text(result), startsWith("The MCP client cannot show form elicitation requests"));
        assertThat(result.getJsonObject("_meta").getString("dev.ncmcp/errorKind"), is("UNAVAILABLE"));
    }

    @Test
    void aHandlerThatSwallowsTheSuspensionStillAsks() {
        JsonObject result = callModern("swallow", FORM_ONLY, null, null).result();
        assertThat(result.getString("resultType"), is("input_required"));
    }

    @Test
    void tamperedRequestStateIsInvalidParams() {
        String state = callModern("ask_name", FORM_ONLY, null, null).result().getString("requestState");
        int dot = state.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(state.substring(0, dot)), StandardCharsets.UTF_8);
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"s\":\"subject-1\"", "\"s\":\"subject-2\"").getBytes(StandardCharsets.UTF_8));
        JsonObject answer = responses("elicitation-1", value("x"));
        for (String bad : List.of(changed + state.substring(dot), state + "x", "garbage", foreignState(payload))) {
            McpClient.Reply reply = callModern("ask_name", FORM_ONLY, answer, bad);
            assertThat(bad, reply.errorCode(), is(-32602));
        }
    }

    private static String foreignState(String payload) {
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        return new Sealer(other).seal("mcp-request-state",
                Json.createReader(new StringReader(payload)).readObject());
    }

    @Test
    void stateIsBoundToTheCallerAndTheArguments() {
        String state = callModern("ask_name", FORM_ONLY, null, null).result().getString("requestState");
        JsonObject answer = responses("elicitation-1", value("x"));
        McpClient.Reply otherCaller = callModern("ask_name", FORM_ONLY, answer, state, Map.of("X-Test-Subject", "mallory"));
        assertThat(otherCaller.errorCode(), is(-32602));
        McpClient.Reply otherTool = callModern("ask_two", FORM_ONLY, answer, state);
        assertThat(otherTool.errorCode(), is(-32602));
    }

    @Test
    void malformedInputResponseIsInvalidParams() {
        String state = callModern("ask_name", FORM_ONLY, null, null).result().getString("requestState");
        McpClient.Reply reply = callModern("ask_name", FORM_ONLY, responses("elicitation-1",
                Json.createObjectBuilder().add("action", "maybe").build()), state);
        assertThat(reply.errorCode(), is(-32602));
    }

    @Test
    void argumentDigestIgnoresKeyOrder() {
        JsonObject a = Json.createReader(new StringReader("{\"a\":1,\"b\":{\"y\":[1,2.50],\"x\":\"s\"}}")).readObject();
        JsonObject b = Json.createReader(new StringReader("{\"b\":{\"x\":\"s\",\"y\":[1,2.5]},\"a\":1}")).readObject();
        assertThat(MrtrElicitation.digest(a), is(MrtrElicitation.digest(b)));
        assertThat(MrtrElicitation.digest(a), not(is(MrtrElicitation.digest(JsonValue.EMPTY_JSON_OBJECT))));
    }

    // ---- 2025-11-25 / 2025-06-18 ----

    private String initialize(String version, JsonObject elicitation) {
        JsonObject capabilities = elicitation == null ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder().add("elicitation", elicitation).build();
        McpClient.Reply reply = mcp.legacy(null, McpClient.request(0, "initialize", Json.createObjectBuilder()
                .add("protocolVersion", version).add("capabilities", capabilities)
                .add("clientInfo", Json.createObjectBuilder().add("name", "legacy").add("version", "1")).build()));
        return reply.headers().get("mcp-session-id");
    }

    private McpClient.Reply callLegacy(String version, String session, String tool) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", version);
        headers.put("Mcp-Session-Id", session);
        return mcp.post(McpClient.request(5, "tools/call", Json.createObjectBuilder().add("name", tool).build())
                .toString(), headers);
    }

    @Test
    void sessionIdCarriesTheDeclaredCapabilitiesAndForgeriesAreIgnored() {
        String session = initialize("2025-11-25", URL_ONLY);
        assertThat(session.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), is(true));
        Sealer sealer = new Sealer(KEY);
        LegacySession read = LegacySession.read(sealer, session);
        assertThat(read.version(), is("2025-11-25"));
        assertThat(read.capabilities(), is(Json.createObjectBuilder().add("elicitation", URL_ONLY).build()));
        assertThat(LegacySession.read(sealer, session.substring(1)), is(LegacySession.NONE));
        assertThat(LegacySession.read(sealer, "6f1c0e2a-1111-2222-3333-444455556666"), is(LegacySession.NONE));
        assertThat(LegacySession.read(sealer, null), is(LegacySession.NONE));
        // a forged session id is ignored, not refused
        McpClient.Reply forged = callLegacy("2025-11-25", session.substring(0, session.length() - 2) + "AA", "login");
        assertThat(forged.status(), is(Status.OK_200));
        assertThat(text(forged.result()), startsWith("Open " + LOGIN_URL));
        McpClient.Reply unknown = callLegacy("2025-11-25", "some-other-server-session", "ask_name");
        assertThat(unknown.status(), is(Status.OK_200));
        assertThat(text(unknown.result()), startsWith("fallback"));
    }

    @Test
    void legacyUrlElicitationEndsTheCallWithUrlElicitationRequired() {
        String session = initialize("2025-11-25", Json.createObjectBuilder()
                .add("form", JsonValue.EMPTY_JSON_OBJECT).add("url", JsonValue.EMPTY_JSON_OBJECT).build());
        McpClient.Reply reply = callLegacy("2025-11-25", session, "login");
        assertThat(reply.status(), is(Status.OK_200));
        JsonObject error = reply.error();
        assertThat(error.getInt("code"), is(-32042));
        assertThat(error.getString("message"), is("This request requires more information."));
        JsonObject elicitation = error.getJsonObject("data").getJsonArray("elicitations").getJsonObject(0);
        assertThat(elicitation.keySet(), is(Set.of("mode", "elicitationId", "url", "message")));
        assertThat(elicitation.getString("mode"), is("url"));
        assertThat(elicitation.getString("url"), is(LOGIN_URL));
        assertThat(elicitation.getString("message"), is("Log in to Nextcloud"));
    }

    @Test
    void revision20250618HasNoUrlMode() {
        String session = initialize("2025-06-18", URL_ONLY);
        assertThat(text(callLegacy("2025-06-18", session, "login").result()), startsWith("Open " + LOGIN_URL));
    }

    @Test
    void legacyClientWithoutElicitationGetsTheFallback() {
        String session = initialize("2025-11-25", null);
        assertThat(text(callLegacy("2025-11-25", session, "ask_name").result()), startsWith("fallback"));
    }

    @Test
    void legacyFormElicitationIsARequestOnTheCallsStreamAnsweredByAnotherPost() throws Exception {
        assertLegacyForm("2025-11-25", true, Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder().add("name", "octocat")).build(), "accepted {\"name\":\"octocat\"}");
    }

    @Test
    void legacyFormDeclineWith20250618() throws Exception {
        assertLegacyForm("2025-06-18", false, Json.createObjectBuilder().add("action", "decline").build(), "declined");
    }

    private void assertLegacyForm(String version, boolean withMode, JsonObject answer, String expected) throws Exception {
        String session = initialize(version, FORM_ONLY);
        HttpClient http = HttpClient.newHttpClient();
        String call = McpClient.request(9, "tools/call", Json.createObjectBuilder().add("name", "ask_name").build()).toString();
        HttpResponse<java.io.InputStream> response = http.send(post(version, session, call)
                        .header("Accept", "application/json, text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type").orElse(""), startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            JsonObject request = nextMessage(events);
            assertThat(request.getString("method"), is("elicitation/create"));
            assertThat(request.getString("id"), startsWith("ncmcp-e-"));
            JsonObject params = request.getJsonObject("params");
            assertThat(params.containsKey("mode"), is(withMode));
            assertThat(params.getString("message"), is("Please provide your GitHub username"));
            assertThat(params.getJsonObject("requestedSchema"),
                    is(Asking.EXAMPLE.getJsonObject("params").getJsonObject("requestedSchema")));

            String reply = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.getString("id"))
                    .add("result", answer).build().toString();
            HttpResponse<String> accepted = http.send(post(version, session, reply)
                    .header("Accept", "application/json, text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode(), is(202));

            JsonObject result = nextMessage(events);
            assertThat(result.getInt("id"), is(9));
            assertThat(text(result.getJsonObject("result")), is(expected));
        }
    }

    private HttpRequest.Builder post(String version, String session, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("MCP-Protocol-Version", version)
                .header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The next SSE event with data, skipping comments (keep-alive probes). */
    private static JsonObject nextMessage(BufferedReader events) throws java.io.IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = events.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return Json.createReader(new StringReader(data.toString())).readObject();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                data.append(line.substring(5).stripLeading());
            }
        }
        throw new java.io.EOFException("the stream ended before the next message");
    }
}
