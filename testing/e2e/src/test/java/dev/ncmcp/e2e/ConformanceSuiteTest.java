package dev.ncmcp.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the MCP conformance suite ({@code @modelcontextprotocol/conformance}, active server scenarios) against
 * the packaged sidecar with the conformance fixtures plugin, and checks that exactly the scenarios listed in
 * {@code .ci/conformance-expected-failures.yml} fail — each one a feature the sidecar deliberately does not
 * offer.
 */
class ConformanceSuiteTest {

    static Path expectedFailuresFile() {
        return Paths2.root().resolve(".ci/conformance-expected-failures.yml");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void onlyTheExpectedScenariosFail() throws Exception {
        NodeToolchain node = NodeToolchain.ensure();
        Path baseline = expectedFailuresFile();
        List<String> expected = ConformanceReport.readExpectedServerFailures(baseline);
        Path out = Paths2.target().resolve("conformance");
        Files.createDirectories(out);

        ProcessRunner.Result run;
        try (SidecarProcess sidecar = SidecarProcess.start(SidecarProcess.Options.demo()
                .withPluginJars(List.of(SidecarProcess.conformanceFixturesJar())))) {
            Path cli = node.jsDir().resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
            run = node.node(List.of(cli.toString(), "server", "--url", sidecar.url(),
                    "--expected-failures", baseline.toString(), "-o", out.toString()), Duration.ofMinutes(12));
            assertTrue(sidecar.isAlive(), "the sidecar died during the conformance run");
        }

        ConformanceReport report = ConformanceReport.parse(run.output());
        System.out.println("[e2e] conformance: " + report.total().map(t ->
                "Total: " + t.passed() + " passed, " + t.failed() + " failed").orElse("no Total line"));
        System.out.println("[e2e] expected failures: " + report.expectedFailures());
        System.out.println("[e2e] unexpected failures: " + report.unexpectedFailures());
        System.out.println("[e2e] stale baseline entries: " + report.staleEntries());

        assertTrue(report.total().isPresent(), "no 'Total:' line in the suite's output:\n" + run.output());
        assertTrue(report.scenarios().size() >= 30,
                "expected the 30 active server scenarios, got " + report.scenarios().keySet());
        assertEquals(List.of(), report.unexpectedFailures(),
                "scenarios failed that are not in " + baseline + " (see the suite output above and " + out + ")");
        assertEquals(List.of(), report.staleEntries(),
                "scenarios in " + baseline + " now pass: remove them from the baseline");
        assertEquals(new LinkedHashSet<>(expected), new LinkedHashSet<>(report.expectedFailures()),
                "the failing scenarios must be exactly the baseline");
        Set<String> failing = report.failingScenarios();
        assertTrue(expected.containsAll(failing), "failing scenarios " + failing + " not all in " + expected);
        assertEquals(report.failedChecksOf(Set.copyOf(expected)), report.total().get().failed(),
                "the Total line's failures must all come from the expected scenarios");
        assertTrue(run.succeeded(), "the suite's baseline check failed: " + run.describe());
    }
}
