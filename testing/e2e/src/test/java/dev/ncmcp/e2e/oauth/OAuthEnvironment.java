package dev.ncmcp.e2e.oauth;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginConfig;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.testkit.Keycloak;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the OAuth tests share in one JVM: the scopes and tools of the packaged sidecar (read once from a
 * demo-mode sidecar's PRM and {@code tools/list}), the {@link Keycloak} whose realm has a client scope for
 * each of those scopes, and sidecars configured as resource servers of that Keycloak.
 */
public final class OAuthEnvironment {

    /** The sidecar's client id at Keycloak: the audience its tokens must carry. */
    static final String AUDIENCE = Keycloak.SIDECAR_CLIENT;

    private static Discovered discovered;

    private OAuthEnvironment() {
    }

    /** The plugin scopes (without {@code openid}) and every tool name of the packaged sidecar. */
    record Discovered(List<String> scopes, Set<String> tools) {
    }

    static synchronized Discovered discovered() {
        if (discovered == null) {
            try (SidecarProcess demo = SidecarProcess.start(SidecarProcess.Options.demo())) {
                McpHttp mcp = new McpHttp(demo.url());
                McpHttp.Reply prm = mcp.get(demo.baseUrl() + "/.well-known/oauth-protected-resource/mcp");
                if (prm.status() != 200) {
                    throw new AssertionError("the demo sidecar serves no PRM: " + prm);
                }
                List<String> scopes = prm.json().getJsonArray("scopes_supported").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).filter(s -> !s.equals("openid")).toList();
                Set<String> tools = toolNames(mcp.toolsList(null));
                discovered = new Discovered(scopes, tools);
                System.out.println("[oauth] the sidecar's plugin scopes: " + scopes + "; " + tools.size() + " tools");
            }
        }
        return discovered;
    }

    /** The JVM-wide Keycloak with a client scope per plugin scope of the sidecar. */
    public static Keycloak keycloak() {
        return Keycloak.shared(discovered().scopes());
    }

    /**
     * For each tool of the packaged sidecar, the scopes it requires (rendered {@code app:access}), from the
     * plugins on this module's test classpath — the same jars the sidecar loads.
     */
    static Map<String, Set<String>> toolScopes() {
        Set<String> served = discovered().tools();
        Map<String, Set<String>> scopes = new TreeMap<>();
        for (NextcloudPlugin plugin : ServiceLoader.load(NextcloudPlugin.class)) {
            // as the server does: configuration (here the defaults) before the tools
            plugin.init(PluginContext.of(PluginConfig.defaults(plugin.id(), plugin.configuration())));
            for (ToolDefinition tool : plugin.tools()) {
                if (served.contains(tool.name())) {
                    scopes.put(tool.name(), tool.requiredScopes().stream().map(s -> s.render(':'))
                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }
        }
        if (!scopes.keySet().equals(served)) {
            Set<String> unknown = new TreeSet<>(served);
            unknown.removeAll(scopes.keySet());
            throw new AssertionError("tools served by the sidecar but not found among the plugins on the test "
                    + "classpath: " + unknown);
        }
        return scopes;
    }

    /** The tools a token granting {@code granted} may see. */
    static Set<String> toolsGrantedBy(Set<String> granted) {
        return toolScopes().entrySet().stream().filter(e -> granted.containsAll(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A sidecar (demo Nextcloud simulator) validating Keycloak tokens. */
    static SidecarProcess sidecar(String validation, int skewSeconds, int cacheSeconds) {
        Keycloak keycloak = keycloak();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SECURITY_MODE", "oauth");
        env.put("SECURITY_ISSUERS", keycloak.issuer());
        env.put("SECURITY_AUDIENCES", AUDIENCE);
        env.put("SECURITY_CLIENT_ID", Keycloak.SIDECAR_CLIENT);
        env.put("SECURITY_CLIENT_SECRET", Keycloak.SIDECAR_SECRET);
        env.put("SECURITY_TOKENS_VALIDATION", validation);
        env.put("SECURITY_TOKENS_SKEW", Integer.toString(skewSeconds));
        env.put("SECURITY_TOKENS_CACHE", Integer.toString(cacheSeconds));
        System.out.println("[oauth] sidecar with " + env.entrySet().stream()
                .filter(e -> !e.getKey().equals("SECURITY_CLIENT_SECRET")).toList());
        return SidecarProcess.start(SidecarProcess.Options.demo().withEnvironment(env).inDirectory(workingDirectory()));
    }

    /**
     * An empty directory to run the sidecar in, so that the environment plus the jar's defaults are its whole
     * configuration: a developer's edits to {@code ./sidecar.yaml} in the repository root cannot change what
     * these tests check.
     */
    static Path workingDirectory() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("ncmcp.e2e.dir", "."), "target", "oauth-sidecar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** alice's access token through the public CLI client, for {@code scope} (space separated). */
    static String aliceToken(String scope) {
        return keycloak().passwordGrant(Keycloak.CLI_CLIENT, null, Keycloak.USER, Keycloak.PASSWORD, scope)
                .getString("access_token");
    }

    static Set<String> toolNames(McpHttp.Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("tools/list failed: " + reply);
        }
        return reply.result().getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The scopes of a token, from its {@code scope} claim. */
    static Set<String> grantedScopes(String token) {
        JsonObject claims = Keycloak.jwtClaims(token);
        return claims.containsKey("scope") ? Set.of(claims.getString("scope").split(" ")) : Set.of();
    }

    /** Parses {@code Bearer a="x", b="y"} into its parameters. */
    static Map<String, String> challenge(String header) {
        if (header == null) {
            throw new AssertionError("no WWW-Authenticate header");
        }
        if (!header.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new AssertionError("not a Bearer challenge: " + header);
        }
        Map<String, String> params = new LinkedHashMap<>();
        var m = java.util.regex.Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))")
                .matcher(header.substring(6));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return params;
    }

    static Set<String> scopeSet(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? Set.of()
                : new TreeSet<>(List.of(spaceSeparated.trim().split("\\s+")));
    }

    static Set<String> render(Set<Scope> scopes) {
        return scopes.stream().map(s -> s.render(':')).collect(Collectors.toCollection(TreeSet::new));
    }
}
