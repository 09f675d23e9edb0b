package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;
import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import jakarta.json.Json;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Requires a valid OAuth bearer token on the MCP endpoint ({@code /mcp} and below; not {@code /.well-known},
 * not {@code /observe}). Missing token → 401 with a challenge naming the resource metadata and scopes; bad
 * token → 401 {@code error="invalid_token"}; IdP unreachable → 503 (the token may be fine). On success the
 * {@link ValidatedToken} is registered in the request context under the classifier
 * {@code ValidatedToken.class}, where {@link TokenCallers} finds it. Runs after the Origin check.
 */
public final class BearerAuthFeature implements HttpFeature, Weighted {
    /** Below {@code OriginCheck}'s 900, so DNS-rebinding protection runs first. */
    public static final double WEIGHT = 800;
    static final String PROTECTED_PATH = "/mcp";

    private static final System.Logger LOG = System.getLogger(BearerAuthFeature.class.getName());
    /** RFC 6750 §2.1 b64token. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final TokenValidator validator;
    private final Challenges challenges;
    private final Set<Scope> challengeScopes;

    /**
     * @param challengeScopes the scopes a 401 tells clients to ask for
     */
    public BearerAuthFeature(TokenValidator validator, Challenges challenges, Set<Scope> challengeScopes) {
        this.validator = validator;
        this.challenges = challenges;
        this.challengeScopes = Set.copyOf(challengeScopes);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    static boolean isProtected(String path) {
        return path.equals(PROTECTED_PATH) || path.startsWith(PROTECTED_PATH + "/");
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!isProtected(req.path().path())) {
            chain.proceed();
            return;
        }
        Optional<String> token = bearerToken(req.headers().first(HeaderNames.AUTHORIZATION));
        if (token.isEmpty()) {
            challenges.unauthorized(res, null, null, challengeScopes);
            return;
        }
        if (!TOKEN68.matcher(token.get()).matches()) {
            challenges.unauthorized(res, "invalid_token", "The token is malformed", challengeScopes);
            return;
        }
        ValidatedToken validated;
        try {
            validated = validator.validate(token.get());
        } catch (InvalidTokenException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "bearer token rejected: " + e.getMessage());
            challenges.unauthorized(res, "invalid_token", e.getMessage(), challengeScopes);
            return;
        } catch (IdpUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot validate a bearer token: " + e.getMessage());
            unavailable(res);
            return;
        }
        req.context().register(ValidatedToken.class, validated);
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

    private static void unavailable(RoutingResponse res) {
        res.status(Status.SERVICE_UNAVAILABLE_503);
        res.header(HeaderNames.RETRY_AFTER, "5");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .addNull("id")
                .add("error", Json.createObjectBuilder()
                        .add("code", -32603)
                        .add("message", "The identity provider is unavailable, so the token cannot be checked; "
                                + "try again later"))
                .build().toString());
    }
}
