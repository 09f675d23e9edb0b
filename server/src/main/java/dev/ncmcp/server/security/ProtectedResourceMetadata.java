package dev.ncmcp.server.security;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP endpoint, served at
 * {@code /.well-known/oauth-protected-resource} and {@code /.well-known/oauth-protected-resource/mcp}.
 */
public final class ProtectedResourceMetadata implements HttpService {

    private final Supplier<JsonObject> document;

    /**
     * @param resource             the MCP endpoint URL; a supplier because with {@code server.port: 0} it is
     *                             known only once the server listens
     * @param authorizationServers the issuers clients should use (the facade's issuer also depends on the port)
     */
    public ProtectedResourceMetadata(Supplier<URI> resource, Supplier<List<String>> authorizationServers,
                                     SortedSet<dev.ncmcp.spi.Scope> scopes, ScopeFormat format, String documentation) {
        this.document = memoize(() -> build(resource.get(), authorizationServers.get(), scopes, format,
                documentation));
    }

    private static JsonObject build(URI resource, List<String> authorizationServers,
                                    SortedSet<dev.ncmcp.spi.Scope> scopes, ScopeFormat format, String documentation) {
        JsonArrayBuilder supported = Json.createArrayBuilder().add("openid");
        scopes.stream().filter(scope -> !scope.isOpenId()).forEach(scope -> supported.add(format.render(scope)));
        JsonArrayBuilder servers = Json.createArrayBuilder();
        authorizationServers.forEach(servers::add);
        return Json.createObjectBuilder()
                .add("resource", resource.toString())
                .add("authorization_servers", servers)
                .add("scopes_supported", supported)
                .add("bearer_methods_supported", Json.createArrayBuilder().add("header"))
                .add("resource_name", "ncmcp — Nextcloud MCP sidecar")
                .add("resource_documentation", documentation)
                .build();
    }

    /** The path suffix RFC 9728 §3.1 derives from the resource URL ({@code /mcp}). */
    public static String wellKnownPath(URI resource) {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath();
        return "/oauth-protected-resource" + (path.equals("/") ? "" : path);
    }

    public JsonObject document() {
        return document.get();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    current = supplier.get();
                    value = current;
                }
                return current;
            }
        };
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/oauth-protected-resource", this::metadata)
                .get("/oauth-protected-resource/{+path}", this::metadata);
    }

    private void metadata(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "max-age=300");
        response.send(document().toString());
    }
}
