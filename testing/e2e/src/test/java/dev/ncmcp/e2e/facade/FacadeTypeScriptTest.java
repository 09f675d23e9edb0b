package dev.ncmcp.e2e.facade;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.e2e.oauth.OAuthEnvironment;
import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP TypeScript SDK client ({@code js/facade-e2e.mjs}) pointed only at the sidecar with the authorization-server
 * facade on and a real Keycloak behind it (static client {@value Keycloak#SIDECAR_CLIENT}): PRM → facade metadata →
 * DCR at the sidecar → authorize (PKCE, consent, Keycloak login) → callback → token → tools → refresh → tools.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FacadeTypeScriptTest {

    @Test
    void sdkClientUsesOnlyTheSidecarAsAuthorizationServer() throws Exception {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        try (SidecarProcess sidecar = FacadeSidecars.start(keycloak, true)) {
            Node.Result result = Node.run(List.of("facade-e2e.mjs", sidecar.url(), Keycloak.USER, Keycloak.PASSWORD,
                    keycloak.issuer()), Duration.ofMinutes(4));
            String context = "\n--- sidecar output (end) ---\n" + FacadeSidecars.tail(sidecar.output(), 60);
            assertTrue(result.exitCode() == 0 && result.output().contains("all checks passed"),
                    result.output() + context);
        }
    }

    /**
     * Node through the e2e module's {@code NodeToolchain}, which is package-private in {@code dev.ncmcp.e2e}; reached
     * reflectively so this package adds no change there (making it public would remove this).
     */
    static final class Node {
        record Result(int exitCode, String output) {
        }

        static Result run(List<String> args, Duration timeout) throws Exception {
            Class<?> toolchain = Class.forName("dev.ncmcp.e2e.NodeToolchain");
            Method ensure = toolchain.getDeclaredMethod("ensure");
            ensure.setAccessible(true);
            Object node = ensure.invoke(null);
            Method jsDir = toolchain.getDeclaredMethod("jsDir");
            jsDir.setAccessible(true);
            Path sdk = ((Path) jsDir.invoke(node)).resolve("node_modules/@modelcontextprotocol/sdk/package.json");
            assertTrue(Files.isRegularFile(sdk), sdk + " is missing: run npm ci in testing/e2e/js");
            Method run = toolchain.getDeclaredMethod("node", List.class, Duration.class);
            run.setAccessible(true);
            Object result = run.invoke(node, args, timeout);
            Method exitCode = result.getClass().getDeclaredMethod("exitCode");
            Method output = result.getClass().getDeclaredMethod("output");
            exitCode.setAccessible(true);
            output.setAccessible(true);
            return new Result((Integer) exitCode.invoke(result), (String) output.invoke(result));
        }
    }
}
