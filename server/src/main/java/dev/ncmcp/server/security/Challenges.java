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
        jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder().add("jsonrpc", "2.0");
        if (e.requestId() != null) {
            body.add("id", e.requestId());
        } else {
            body.addNull("id");
        }
        Set<Scope> required = e.requiredScopes();
        response.status(Status.FORBIDDEN_403);
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                + format.render(required) + "\", resource_metadata=\"" + metadataUrl.get() + "\"");
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body.add("error", Json.createObjectBuilder()
                        .add("code", -32600)
                        .add("message", "Insufficient scope: this call needs " + format.render(required)))
                .build().toString());
    }

    /**
     * 401 with a {@code WWW-Authenticate: Bearer} challenge naming the resource metadata and the scopes to ask
     * for. Without {@code error} (no token sent) the challenge carries no error parameters (RFC 6750 §3.1).
     *
     * @param error       {@code invalid_token}, {@code invalid_request} or null when no token was sent
     * @param description for the client and the model; never contains the token
     */
    public void unauthorized(ServerResponse res, String error, String description, Set<Scope> scopes) {
        StringBuilder challenge = new StringBuilder("Bearer ");
        if (error != null) {
            challenge.append("error=\"").append(quoted(error)).append("\", ");
            if (description != null) {
                challenge.append("error_description=\"").append(quoted(description)).append("\", ");
            }
        }
        challenge.append("resource_metadata=\"").append(metadataUrl.get()).append('"');
        if (scopes != null && !scopes.isEmpty()) {
            challenge.append(", scope=\"").append(format.render(scopes)).append('"');
        }
        res.status(Status.UNAUTHORIZED_401);
        res.header(HeaderNames.WWW_AUTHENTICATE, challenge.toString());
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .addNull("id")
                .add("error", Json.createObjectBuilder()
                        .add("code", -32600)
                        .add("message", "Unauthorized: " + (description == null ? "a bearer token is required"
                                : description)))
                .build().toString());
    }

    /** RFC 6750 error descriptions are limited to printable ASCII without double quote and backslash. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
