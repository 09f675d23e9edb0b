package dev.ncmcp.server.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.ncmcp.server.Sidecar;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.McpError;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Every tools/call is timed per tool and outcome, every request counted per method, every call audited. */
@RoutingTest
class CallObservationTest {
    /** The registry {@code /observe/metrics} serves; shared with other tests, so counts are compared as deltas. */
    private static final MeterRegistry REGISTRY = Metrics.globalRegistry();
    private static final String SECRET_CONTENT = "sk-live-7f3a9c-my-bank-pin-4242";
    private static final String ALL_SCOPES = "demo:read,demo:write,notes:read";

    private final McpClient mcp;
    private final List<LogRecord> audit = new CopyOnWriteArrayList<>();
    private final Logger auditLogger = Logger.getLogger(AuditLog.LOGGER);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            audit.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CallObservationTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings(),
                PluginRegistry.of(List.of(new TestPlugins.Demo(), new TestPlugins.Notes())), TestPlugins.CALLERS,
                FakeNextcloud.unreachable("Nextcloud is down")));
    }

    @BeforeEach
    void captureAudit() {
        auditLogger.addHandler(capture);
    }

    @AfterEach
    void releaseAudit() {
        auditLogger.removeHandler(capture);
    }

    private McpClient.Reply call(String tool, JsonObject arguments, String scopes) {
        JsonObject body = McpClient.modernRequest(1, "tools/call", Json.createObjectBuilder()
                .add("name", tool).add("arguments", arguments).build());
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put(TestPlugins.SCOPES_HEADER, scopes);
        return mcp.post(body.toString(), headers);
    }

    private static long calls(String tool, String outcome) {
        return REGISTRY.timer(CallMetrics.TOOL_CALLS, List.of(Tag.create("tool", tool), Tag.create("outcome", outcome)))
                .map(Timer::count).orElse(0L);
    }

    private static long requests(String method) {
        return REGISTRY.counter(CallMetrics.REQUESTS, List.of(Tag.create("method", method)))
                .map(Counter::count).orElse(0L);
    }

    /** The audit lines, as the handler of an operator would format them. */
    private List<String> auditLines() {
        return audit.stream().map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    @Test
    void eachOutcomeIsTimedUnderItsTool() {
        long ok = calls("demo_echo", "ok");
        long invalid = calls("demo_echo", "invalid_arguments");
        long notFound = calls("demo_missing", "tool_error:NOT_FOUND");
        long unavailable = calls("demo_nextcloud", "tool_error:UNAVAILABLE");
        long internal = calls("demo_fail", "internal_error");
        long conflict = calls("demo_update", "tool_error:CONFLICT");
        long scope = calls("demo_update", "insufficient_scope");

        call("demo_echo", Json.createObjectBuilder().add("title", "hello").build(), ALL_SCOPES);
        call("demo_echo", Json.createObjectBuilder().add("title", "again").build(), ALL_SCOPES);
        call("demo_echo", Json.createObjectBuilder().add("title", 5).build(), ALL_SCOPES);
        call("demo_missing", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        call("demo_nextcloud", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        call("demo_fail", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        call("demo_update", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        McpClient.Reply refused = call("demo_update", JsonValue.EMPTY_JSON_OBJECT, "demo:read");
        assertThat(refused.status(), is(Status.FORBIDDEN_403));

        assertThat(calls("demo_echo", "ok") - ok, is(2L));
        assertThat(calls("demo_echo", "invalid_arguments") - invalid, is(1L));
        assertThat(calls("demo_missing", "tool_error:NOT_FOUND") - notFound, is(1L));
        assertThat(calls("demo_nextcloud", "tool_error:UNAVAILABLE") - unavailable, is(1L));
        assertThat(calls("demo_fail", "internal_error") - internal, is(1L));
        assertThat(calls("demo_update", "tool_error:CONFLICT") - conflict, is(1L));
        assertThat(calls("demo_update", "insufficient_scope") - scope, is(1L));
        Timer timer = REGISTRY.timer(CallMetrics.TOOL_CALLS, List.of(Tag.create("tool", "demo_echo"),
                Tag.create("outcome", "ok"))).orElseThrow();
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0, is(true));
    }

    @Test
    void anUnknownToolCreatesNoTimer() {
        McpClient.Reply reply = call("no_such_tool", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        assertThat(reply.errorCode(), is(McpError.INVALID_PARAMS));
        assertThat(REGISTRY.meters(meter -> "no_such_tool".equals(meter.id().tagsMap().get("tool"))), is(empty()));
        assertThat(auditLines(), is(empty()));
    }

    @Test
    void requestsAreCountedPerMethodAndUnknownMethodsShareOneSeries() {
        long list = requests("tools/list");
        long prompts = requests("prompts/list");
        long other = requests(McpService.OTHER_METHOD);
        mcp.modern("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        mcp.modern("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        mcp.modern("prompts/list", JsonValue.EMPTY_JSON_OBJECT);
        McpClient.Reply unknown = mcp.modern("made/up-" + System.nanoTime(), JsonValue.EMPTY_JSON_OBJECT);
        assertThat(unknown.errorCode(), is(McpError.METHOD_NOT_FOUND));
        assertThat(requests("tools/list") - list, is(2L));
        assertThat(requests("prompts/list") - prompts, is(1L));
        assertThat(requests(McpService.OTHER_METHOD) - other, is(1L));
        assertThat("client-chosen method names never become series",
                REGISTRY.meters(meter -> meter.id().name().equals(CallMetrics.REQUESTS)
                        && meter.id().tagsMap().getOrDefault("method", "").startsWith("made/up")), is(empty()));
    }

    @Test
    void eachCallIsAuditedWithWhoWhatAndHowButNeverItsArguments() {
        McpClient.Reply reply = call("notes_create", Json.createObjectBuilder().add("content", SECRET_CONTENT).build(),
                ALL_SCOPES);
        assertThat(reply.body(), reply.result().getBoolean("isError", false), is(false));

        List<String> lines = auditLines();
        assertThat(lines.size(), is(1));
        String line = lines.getFirst();
        assertThat(audit.getFirst().getLevel(), is(Level.INFO));
        assertThat(audit.getFirst().getLoggerName(), is("dev.ncmcp.audit"));
        assertThat(line, line.matches("tool_call subject=\"subject-1\" user=\"alice\" tool=\"notes_create\" "
                + "outcome=\"ok\" duration_ms=\\d+ request_id=\"[0-9a-f]{12}\""), is(true));
        assertThat(line, not(containsString(SECRET_CONTENT)));
        assertThat(line, not(containsString("content")));
    }

    @Test
    void failuresAreAuditedWithTheirOutcome() {
        call("demo_missing", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        call("demo_update", JsonValue.EMPTY_JSON_OBJECT, "demo:read");
        call("demo_fail", JsonValue.EMPTY_JSON_OBJECT, ALL_SCOPES);
        List<String> lines = auditLines();
        assertThat(lines.size(), is(3));
        assertThat(lines.get(0), containsString("tool=\"demo_missing\" outcome=\"tool_error:NOT_FOUND\""));
        assertThat(lines.get(1), containsString("tool=\"demo_update\" outcome=\"insufficient_scope\""));
        assertThat(lines.get(2), containsString("tool=\"demo_fail\" outcome=\"internal_error\""));
        assertThat("the exception's message stays out of the audit", lines.get(2),
                not(containsString(TestPlugins.SECRET)));
    }
}
