package dev.ncmcp.server.config;

import dev.ncmcp.server.store.StoreConfig;
import io.helidon.config.Config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration, read once at startup from {@code sidecar.yaml} and environment variables
 * ({@code NEXTCLOUD_URL} overrides {@code nextcloud.url}).
 *
 * @param server          the {@code server} node, handed to Helidon's WebServer (host, port, …)
 * @param host            {@code server.host}
 * @param port            {@code server.port}
 * @param publicUrl       {@code mcp.url}: the MCP endpoint as clients reach it (PRM {@code resource})
 * @param allowedOrigins  {@code mcp.origins}: browser origins allowed to call the endpoint
 * @param allowedHosts    {@code mcp.hosts}: Host header values accepted (DNS-rebinding protection)
 * @param pluginDirectory {@code plugins.directory}
 * @param scopeSeparator  {@code security.scopes.separator}, ':' or '.'
 * @param security        {@code security.*}
 * @param nextcloud       {@code nextcloud.*}
 * @param facade          {@code oauth.facade.*}
 * @param stateKey        {@code mcp.state.key}: base64 HMAC key (32+ bytes) sealing MRTR request state and
 *                        legacy session ids; replicas behind one load balancer need the same key
 * @param store           {@code store.*}: the database for per-user grants and the OAuth facade
 * @param pluginSettings  {@code plugins.<id>.<key>}: each plugin's configuration values, by plugin id
 */
public record SidecarConfig(Config server, String host, int port, Optional<URI> publicUrl,
                            List<String> allowedOrigins, List<String> allowedHosts, Path pluginDirectory,
                            char scopeSeparator, SecurityConfig security, NextcloudConfig nextcloud,
                            FacadeConfig facade, Optional<byte[]> stateKey, StoreConfig store,
                            Map<String, Map<String, String>> pluginSettings) {

    public static SidecarConfig from(Config root) {
        ConfigValues values = new ConfigValues(root);
        String host = values.text("server.host", "127.0.0.1");
        int port = values.integer("server.port", 8080, 0, 65535);
        Optional<URI> publicUrl = values.text("mcp.url").map(text -> {
            try {
                return URI.create(text);
            } catch (IllegalArgumentException e) {
                throw ConfigProblem.forKey("mcp.url", "not a URL: '" + text + "'");
            }
        });
        String separator = values.text("security.scopes.separator", ":");
        if (!separator.equals(":") && !separator.equals(".")) {
            throw ConfigProblem.forKey("security.scopes.separator", "must be ':' or '.', got '" + separator + "'");
        }
        NextcloudConfig nextcloud = NextcloudConfig.from(values);
        SecurityConfig security = SecurityConfig.from(values, host, nextcloud.demo());
        if (security.mode() == SecurityConfig.Mode.NONE
                && nextcloud.mode() != NextcloudConfig.AuthMode.APP_PASSWORD) {
            throw ConfigProblem.forKey("nextcloud.auth.mode", "'" + nextcloud.mode().key() + "' uses the caller's "
                    + "token, so it needs security.mode oauth");
        }
        if (nextcloud.mode() == NextcloudConfig.AuthMode.LOGIN_FLOW && security.mode() != SecurityConfig.Mode.OAUTH) {
            throw ConfigProblem.forKey("nextcloud.auth.mode", "'login-flow' keeps one Nextcloud connection per "
                    + "authenticated user, so it needs security.mode oauth");
        }
        if (nextcloud.mode() == NextcloudConfig.AuthMode.TOKEN_EXCHANGE
                && (security.clientId() == null || security.clientSecret() == null)) {
            throw ConfigProblem.forKey("security.client.id", "token exchange needs the sidecar's own client at the "
                    + "identity provider: set security.client.id and security.client.secret");
        }
        FacadeConfig facade = FacadeConfig.from(values);
        if (facade.enabled() && security.mode() != SecurityConfig.Mode.OAUTH) {
            throw ConfigProblem.forKey("oauth.facade.enabled", "the authorization-server facade needs security.mode "
                    + "oauth (it hands out the identity provider's tokens)");
        }
        return new SidecarConfig(root.get("server"), host, port, publicUrl,
                values.list("mcp.origins", List.of()),
                values.list("mcp.hosts", List.of("localhost", "127.0.0.1", "[::1]")),
                pluginDirectory(root),
                separator.charAt(0), security, nextcloud, facade, readStateKey(values), StoreConfig.from(root),
                PluginSettings.from(root));
    }

    private static Optional<byte[]> readStateKey(ConfigValues values) {
        return values.text("mcp.state.key").map(text -> {
            byte[] key;
            try {
                key = java.util.Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw ConfigProblem.forKey("mcp.state.key", "not base64");
            }
            if (key.length < 32) {
                throw ConfigProblem.forKey("mcp.state.key", "needs at least 32 bytes (44 base64 characters), got "
                        + key.length);
            }
            return key;
        });
    }

    /** {@code plugins.directory}, else {@code plugins/} beside the running jar. */
    public static Path pluginDirectory(Config root) {
        return new ConfigValues(root).text("plugins.directory").map(Path::of)
                .orElseGet(SidecarConfig::defaultPluginDirectory);
    }

    /** {@code plugins/} beside the running jar, as laid out by the build and the container image. */
    private static Path defaultPluginDirectory() {
        try {
            Path location = Path.of(SidecarConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = location.toString().endsWith(".jar") ? location.getParent() : location.getParent();
            return base.resolve("plugins");
        } catch (Exception e) {
            return Path.of("plugins");
        }
    }

    /** The MCP endpoint URL clients use: {@code mcp.url}, else derived from host and port. */
    public URI mcpUrl(int actualPort) {
        return publicUrl.orElseGet(() -> {
            String visibleHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
            if (visibleHost.contains(":") && !visibleHost.startsWith("[")) {
                visibleHost = "[" + visibleHost + "]";
            }
            return URI.create("http://" + visibleHost + ":" + actualPort + "/mcp");
        });
    }
}
