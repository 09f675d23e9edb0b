package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;

import java.net.URI;
import java.util.Set;
import java.util.function.Supplier;

/** The one place that writes 401/403 responses with {@code WWW-Authenticate} challenges. */
public final class Challenges {

    private final Supplier<URI> metadataUrl;
    private final ScopeFormat format;

    public Challenges(Supplier<URI> metadataUrl, ScopeFormat format) {
        this.metadataUrl = metadataUrl;
        this.format = format;
    }

    /** 403 for a call whose token lacks scopes: clients step up with the scopes named here. */
    public void insufficientScope(ServerRequest request, ServerResponse response, InsufficientScopeException e) {
        Set<Scope> required = e.requiredScopes();
        response.status(Status.FORBIDDEN_403);
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                + format.render(required) + "\", resource_metadata=\"" + metadataUrl.get() + "\"");
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("error", Json.createObjectBuilder()
                        .add("code", -32600)
                        .add("message", "Insufficient scope: this call needs " + format.render(required)))
                .build().toString());
    }
}
