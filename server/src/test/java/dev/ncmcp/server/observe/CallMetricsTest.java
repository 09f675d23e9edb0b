package dev.ncmcp.server.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

/** The meters' names and tags, as {@code /observe/metrics} exposes them (deltas: the global registry is shared). */
class CallMetricsTest {
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final CallMetrics metrics = CallMetrics.global();

    private Timer timer(String tool, String outcome) {
        return registry.timer(CallMetrics.TOOL_CALLS, List.of(Tag.create("tool", tool), Tag.create("outcome", outcome)))
                .orElseThrow();
    }

    @Test
    void aToolCallIsATimerTaggedWithToolAndOutcome() {
        String tool = "metrics_test_tool";
        metrics.toolCall(tool, CallOutcome.OK, Duration.ofMillis(5));
        long before = timer(tool, "ok").count();
        double total = timer(tool, "ok").totalTime(TimeUnit.MILLISECONDS);
        metrics.toolCall(tool, CallOutcome.OK, Duration.ofMillis(20));
        metrics.toolCall(tool, CallOutcome.toolError(Kind.CONFLICT), Duration.ofMillis(1));
        assertThat(timer(tool, "ok").count() - before, is(1L));
        assertThat(timer(tool, "ok").totalTime(TimeUnit.MILLISECONDS) - total, closeTo(20.0, 0.001));
        assertThat(timer(tool, "tool_error:CONFLICT").count() >= 1, is(true));
    }

    @Test
    void aRequestIsCountedUnderItsMethod() {
        metrics.request("metrics/test");
        Counter counter = registry.counter(CallMetrics.REQUESTS, List.of(Tag.create("method", "metrics/test")))
                .orElseThrow();
        long before = counter.count();
        metrics.request("metrics/test");
        metrics.request("metrics/test");
        assertThat(counter.count() - before, is(2L));
    }

    private enum Kind { CONFLICT }
}
