package dev.ncmcp.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's reading of the suite's output and baseline file, without a sidecar. */
class ConformanceReportTest {

    private static final String OUTPUT = """
            Running active suite (3 scenarios) against http://127.0.0.1:1234/mcp

            === Running scenario: ping ===
            ✓ ping: 1 passed, 0 failed

            === SUMMARY ===
            ✓ ping: 1 passed, 0 failed
            ✗ logging-set-level: 0 passed, 1 failed
            ✓ server-sse-multiple-streams: 0 passed, 0 failed
            ✗ tools-call-sampling: 0 passed, 2 failed

            Total: 1 passed, 3 failed
            \u001B[33m
            Expected failures (in baseline):\u001B[0m
              ~ logging-set-level
              ~ server-sse-multiple-streams

            \u001B[31mUnexpected failures (not in baseline):\u001B[0m
              ✗ tools-call-sampling

            Unexpected failures detected: these scenarios are not in your expected-failures baseline.
            """;

    @Test
    void parsesScenarioLinesTotalAndBaselineVerdict() {
        ConformanceReport report = ConformanceReport.parse(OUTPUT);
        assertEquals(4, report.scenarios().size());
        assertEquals(new ConformanceReport.Counts(1, 3), report.total().orElseThrow());
        assertEquals(Set.of("logging-set-level", "tools-call-sampling"), report.failingScenarios());
        assertEquals(List.of("logging-set-level", "server-sse-multiple-streams"), report.expectedFailures());
        assertEquals(List.of("tools-call-sampling"), report.unexpectedFailures());
        assertTrue(report.staleEntries().isEmpty());
        assertEquals(1, report.failedChecksOf(Set.of("logging-set-level", "server-sse-multiple-streams")));
    }

    @Test
    void readsTheServerListOfTheBaselineFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.yml");
        Files.writeString(file, """
                # comment
                server:
                  # why
                  - logging-set-level      # no logging
                  - "completion-complete"
                client:
                  - sse-retry
                """);
        assertEquals(List.of("logging-set-level", "completion-complete"),
                ConformanceReport.readExpectedServerFailures(file));
    }

    @Test
    void theCommittedBaselineIsReadable() {
        Path file = ConformanceSuiteTest.expectedFailuresFile();
        List<String> names = ConformanceReport.readExpectedServerFailures(file);
        assertTrue(names.contains("tools-call-sampling"), names.toString());
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate entries in " + file);
    }
}
