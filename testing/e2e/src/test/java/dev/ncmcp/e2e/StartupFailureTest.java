package dev.ncmcp.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged sidecar exits (non-zero, with a readable message) on bad configuration instead of lingering. */
class StartupFailureTest {

    @Test
    void aPortInUseEndsTheProcessWithAMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessRunner.Result result = run(Map.of("SERVER_PORT", Integer.toString(taken.getLocalPort())));

            assertEquals(2, result.exitCode(), result.describe());
            assertTrue(result.output().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), result.output());
        }
    }

    @Test
    void anUnknownAuthModeEndsTheProcessNamingKeyAndVariable() throws IOException {
        ProcessRunner.Result result = run(Map.of("NEXTCLOUD_AUTH_MODE", "magic"));

        assertEquals(2, result.exitCode(), result.describe());
        assertTrue(result.output().contains("nextcloud.auth.mode (NEXTCLOUD_AUTH_MODE): unknown mode 'magic'"),
                result.output());
    }

    @Test
    void aMalformedNextcloudUrlEndsTheProcess() throws IOException {
        ProcessRunner.Result result = run(Map.of("NEXTCLOUD_URL", "cloud.example.com", "NEXTCLOUD_USER", "bob",
                "NEXTCLOUD_PASSWORD", "secret-app-password", "SECURITY_MODE", "none"));

        assertEquals(2, result.exitCode(), result.describe());
        assertTrue(result.output().contains("NEXTCLOUD_URL"), result.output());
        assertFalse(result.output().contains("secret-app-password"), "secrets never appear in errors");
    }

    private static ProcessRunner.Result run(Map<String, String> extra) throws IOException {
        Path directory = Files.createTempDirectory("ncmcp-startup-");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("NEXTCLOUD_") || k.startsWith("SERVER_") || k.startsWith("SECURITY_")
                || k.startsWith("STORE_") || k.startsWith("OAUTH_"));
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("STORE_DATA", directory.resolve("data").toString());
        env.putAll(extra);
        return ProcessRunner.run(List.of(SidecarProcess.javaExecutable(), "-jar", SidecarProcess.serverJar().toString()),
                directory, env, Duration.ofSeconds(60));
    }
}
