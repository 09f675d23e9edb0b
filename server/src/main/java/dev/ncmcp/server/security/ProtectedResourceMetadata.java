package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * The OAuth 2.0 Protected Resource Metadata document (RFC 9728) of the MCP endpoint: built once, when first asked
 * (the resource URL is known once the server listens).
 */
public final class ProtectedResourceMetadata {

    private final Supplier<URI> resource;
    private final Supplier<List<String>> authorizationServers;
    private final SortedSet<Scope> scopes;
    private final ScopeFormat format;
    private final String documentation;
    private volatile JsonObject document;

    /**
     * @param resource             the MCP endpoint URL
     * @param authorizationServers the issuers clients should use (the facade's issuer also depends on the port)
     */
    public ProtectedResourceMetadata(Supplier<URI> resource, Supplier<List<String>> authorizationServers,
                                     SortedSet<Scope> scopes, ScopeFormat format, String documentation) {
        this.resource = resource;
        this.authorizationServers = authorizationServers;
        this.scopes = scopes;
        this.format = format;
        this.documentation = documentation;
    }

    /** The path suffix RFC 9728 §3.1 derives from the resource URL ({@code /mcp}). */
    public static String wellKnownPath(URI resource) {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath();
        return "/oauth-protected-resource" + (path.equals("/") ? "" : path);
    }

    public JsonObject document() {
        JsonObject current = document;
        if (current == null) {
            current = build();
            document = current;
        }
        return current;
    }

    private JsonObject build() {
        JsonArrayBuilder supported = Json.createArrayBuilder().add("openid");
        scopes.stream().filter(scope -> !scope.isOpenId()).forEach(scope -> supported.add(format.render(scope)));
        JsonArrayBuilder servers = Json.createArrayBuilder();
        authorizationServers.get().forEach(servers::add);
        return Json.createObjectBuilder()
                .add("resource", resource.get().toString())
                .add("authorization_servers", servers)
                .add("scopes_supported", supported)
                .add("bearer_methods_supported", Json.createArrayBuilder().add("header"))
                .add("resource_name", "ncmcp — Nextcloud MCP sidecar")
                .add("resource_documentation", documentation)
                .build();
    }
}
