package dev.ncmcp.e2e;

import dev.ncmcp.e2e.oauth.OAuthEnvironment;
import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP TypeScript SDK client ({@code @modelcontextprotocol/sdk} 1.x, {@code js/oauth-e2e.mjs}) against the
 * sidecar in demo mode with OAuth on and a real Keycloak: starting from the MCP URL only, it gets the 401, reads
 * the PRM, discovers Keycloak, registers (DCR), logs {@value Keycloak#USER} in with PKCE by driving Keycloak's
 * login (and consent) forms over HTTP, lists the tools filtered to the read scopes, is refused a write tool with
 * 403 {@code insufficient_scope}, steps up and succeeds.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TypeScriptOAuthTest {

    @Test
    void sdkClientDiscoversRegistersLogsInAndStepsUp() {
        NodeToolchain node = NodeToolchain.ensure();
        Path sdk = node.jsDir().resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        assertTrue(Files.isRegularFile(sdk), sdk + " is missing: run `npm ci` in " + node.jsDir()
                + " (package.json pins @modelcontextprotocol/sdk)");

        // the realm gets one client scope per scope the packaged sidecar's plugins declare
        Keycloak keycloak = OAuthEnvironment.keycloak();
        System.out.println("[e2e] Keycloak " + keycloak.baseUrl() + ", issuer " + keycloak.issuer());

        SidecarProcess.Options options = SidecarProcess.Options.demo().withEnvironment(SidecarProcess.env(
                "SECURITY_MODE", "oauth",
                "SECURITY_ISSUERS", keycloak.issuer(),
                "SECURITY_AUDIENCES", Keycloak.SIDECAR_CLIENT,
                "SECURITY_CLIENT_ID", Keycloak.SIDECAR_CLIENT,
                "SECURITY_CLIENT_SECRET", Keycloak.SIDECAR_SECRET));
        try (SidecarProcess sidecar = SidecarProcess.start(options)) {
            ProcessRunner.Result result = node.node(
                    List.of("oauth-e2e.mjs", sidecar.url(), Keycloak.USER, Keycloak.PASSWORD), Duration.ofMinutes(4));
            String context = "\n--- sidecar output (end) ---\n" + tail(sidecar.output(), 60)
                    + "\n--- Keycloak log (end, without health checks) ---\n" + keycloakLog(keycloak);
            assertTrue(result.succeeded(), "the TypeScript SDK OAuth client failed: " + result.describe() + context);
            assertTrue(result.output().contains("all checks passed"), result.output() + context);
        }
    }

    private static String keycloakLog(Keycloak keycloak) {
        String log = keycloak.logTail(500).lines()
                .filter(line -> !line.contains("SRHCK01001")) // the readiness poll's "health down" lines
                .reduce("", (a, b) -> a + b + "\n");
        return tail(log, 30);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
