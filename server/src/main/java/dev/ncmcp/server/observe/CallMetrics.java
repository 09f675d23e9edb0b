package dev.ncmcp.server.observe;

import java.time.Duration;
import java.util.Objects;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

/**
 * The MCP endpoint's meters, served at {@code /observe/metrics}: a timer per tool and outcome, and a counter of
 * requests per JSON-RPC method. Tag values come from fixed sets (tool names of loaded plugins, known methods,
 * {@link CallOutcome}), never from arbitrary client input, so the number of series stays bounded.
 */
public final class CallMetrics {
    /** Timer of {@code tools/call}, tags {@code tool} and {@code outcome}. */
    public static final String TOOL_CALLS = "ncmcp.tool.calls";
    /** Counter of MCP requests, tag {@code method}. */
    public static final String REQUESTS = "ncmcp.mcp.requests";

    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Meters in Helidon's global registry, the one {@code /observe/metrics} serves. */
    public static CallMetrics global() {
        return new CallMetrics(Metrics.globalRegistry());
    }

    /** Records one finished {@code tools/call}. */
    public void toolCall(String tool, CallOutcome outcome, Duration duration) {
        Timer timer = registry.getOrCreate(Timer.builder(TOOL_CALLS)
                .description("MCP tools/call latency by tool and outcome")
                .addTag(Tag.create("tool", tool))
                .addTag(Tag.create("outcome", outcome.tag())));
        timer.record(duration);
    }

    /** Counts one JSON-RPC request; {@code method} must be a known method name or a fixed placeholder. */
    public void request(String method) {
        Counter counter = registry.getOrCreate(Counter.builder(REQUESTS)
                .description("MCP JSON-RPC requests by method")
                .addTag(Tag.create("method", method)));
        counter.increment();
    }
}
