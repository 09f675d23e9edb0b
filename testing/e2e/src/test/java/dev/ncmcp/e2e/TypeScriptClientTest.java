package dev.ncmcp.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TypeScript SDK v2 client ({@code @modelcontextprotocol/client}) against the sidecar in demo mode:
 * {@code js/client-e2e.mjs} lists the tools and works with notes and files, once pinned to 2026-07-28 and
 * once with the 2025-11-25 initialize handshake.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TypeScriptClientTest {

    private static NodeToolchain node;
    private static SidecarProcess sidecar;

    @BeforeAll
    static void start() {
        node = NodeToolchain.ensure();
        sidecar = SidecarProcess.start(SidecarProcess.Options.demo());
    }

    @AfterAll
    static void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void modernClientPinnedTo20260728() {
        runClient("2026-07-28");
    }

    @Test
    void legacyClientWith20251125Handshake() {
        runClient("2025-11-25");
    }

    private static void runClient(String version) {
        ProcessRunner.Result result = node.node(List.of("client-e2e.mjs", sidecar.url(), version), Duration.ofMinutes(3));
        assertTrue(result.succeeded(), "TypeScript SDK client (" + version + ") failed: " + result.describe());
        assertTrue(result.output().contains("all checks passed"), result.output());
    }
}
