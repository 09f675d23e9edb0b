package dev.ncmcp.server.transport;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.security.AuthenticationException;
import dev.ncmcp.server.security.CallerResolver;
import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * Resolves who calls the MCP endpoint ({@code /mcp} and below; not {@code /.well-known}, not {@code /observe}) before
 * the request is read: the bearer token of the {@code Authorization} header and the request's headers go to the
 * {@link CallerResolver}. A refusal is answered with its challenge (401, 403 or 503 and a JSON-RPC error without
 * id); the caller is registered in the request context, where {@link #caller(ServerRequest)} finds it. Runs after
 * the Origin check.
 */
public final class BearerAuthFeature implements HttpFeature, Weighted {
    /** Below {@link OriginCheck#WEIGHT}, so DNS-rebinding protection runs first. */
    public static final double WEIGHT = 800;
    static final String PROTECTED_PATH = "/mcp";

    private final CallerResolver callers;

    public BearerAuthFeature(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    /** The caller this feature resolved for {@code request}. */
    static AuthenticatedCaller caller(ServerRequest request) {
        return request.context().get(AuthenticatedCaller.class, AuthenticatedCaller.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller in the request context: "
                        + "BearerAuthFeature is not in front of this route"));
    }

    static boolean isProtected(String path) {
        return path.equals(PROTECTED_PATH) || path.startsWith(PROTECTED_PATH + "/");
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!isProtected(req.path().path())) {
            chain.proceed();
            return;
        }
        AuthenticatedCaller caller;
        try {
            caller = callers.resolve(bearerToken(req.headers().first(HeaderNames.AUTHORIZATION)), req.headers());
        } catch (AuthenticationException e) {
            // the request was not read, so its id is unknown
            Replies.refusal(res, JsonValue.NULL, e.challenge());
            return;
        }
        req.context().register(AuthenticatedCaller.class, caller);
        chain.proceed();
    }

    /** The token of an {@code Authorization: Bearer …} header; empty for no header or another scheme. */
    static Optional<String> bearerToken(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
