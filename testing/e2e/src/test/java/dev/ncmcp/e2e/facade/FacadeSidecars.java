package dev.ncmcp.e2e.facade;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.testkit.Keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The packaged sidecar in demo mode, validating Keycloak tokens, with the authorization-server facade on. */
final class FacadeSidecars {

    private FacadeSidecars() {
    }

    /** @param staticClient use mcp-sidecar/sidecar-secret; otherwise the sidecar registers its client (RFC 7591) */
    static SidecarProcess start(Keycloak keycloak, boolean staticClient, String... extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SECURITY_MODE", "oauth");
        env.put("SECURITY_ISSUERS", keycloak.issuer());
        env.put("SECURITY_AUDIENCES", Keycloak.SIDECAR_CLIENT);
        env.put("SECURITY_CLIENT_ID", Keycloak.SIDECAR_CLIENT);
        env.put("SECURITY_CLIENT_SECRET", Keycloak.SIDECAR_SECRET);
        env.put("OAUTH_FACADE_ENABLED", "true");
        if (staticClient) {
            env.put("OAUTH_FACADE_CLIENT_ID", Keycloak.SIDECAR_CLIENT);
            env.put("OAUTH_FACADE_CLIENT_SECRET", Keycloak.SIDECAR_SECRET);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return SidecarProcess.start(SidecarProcess.Options.demo().withEnvironment(env).inDirectory(directory()));
    }

    private static Path directory() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("ncmcp.e2e.dir", "."), "target",
                    "facade-sidecar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
