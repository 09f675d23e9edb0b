package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;
import io.helidon.http.Status;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one place that words the refusals of the MCP endpoint: 401 for a missing or invalid token, 403 for a
 * missing scope (step-up), 503 when the identity provider cannot be asked. Each names the resource metadata and
 * the scopes to ask for; the transport writes them.
 */
public final class Challenges {

    private final Supplier<URI> metadataUrl;
    private final ScopeFormat format;
    private final Set<Scope> challengeScopes;

    /**
     * @param metadataUrl     the PRM URL (known once the server listens)
     * @param challengeScopes the scopes a 401 tells clients to ask for
     */
    public Challenges(Supplier<URI> metadataUrl, ScopeFormat format, Set<Scope> challengeScopes) {
        this.metadataUrl = metadataUrl;
        this.format = format;
        this.challengeScopes = Set.copyOf(challengeScopes);
    }

    /**
     * Challenges whose 401 asks for the read scopes among {@code allScopes}: the least privilege that is useful
     * (all of them when none is a read scope).
     */
    public static Challenges leastPrivilege(Supplier<URI> metadataUrl, ScopeFormat format, Set<Scope> allScopes) {
        Set<Scope> read = new TreeSet<>();
        allScopes.stream().filter(scope -> scope.access().equals("read")).forEach(read::add);
        return new Challenges(metadataUrl, format, read.isEmpty() ? allScopes : read);
    }

    /** 401 without error parameters: no token was sent (RFC 6750 §3.1). */
    public Challenge missingToken() {
        return unauthorized(null, null);
    }

    /** 401 {@code invalid_token}; {@code description} is for the client and the model and never holds the token. */
    public Challenge invalidToken(String description) {
        return unauthorized("invalid_token", description);
    }

    /** 403 for a call whose token lacks scopes: clients step up with the scopes named here (all the call needs). */
    public Challenge insufficientScope(Set<Scope> required) {
        String scopes = format.render(required);
        return new Challenge(Status.FORBIDDEN_403, Optional.of("Bearer error=\"insufficient_scope\", scope=\""
                + scopes + "\", resource_metadata=\"" + metadataUrl.get() + "\""), Optional.empty(),
                "Insufficient scope: this call needs " + scopes);
    }

    /** 503: the token may be fine, but the identity provider cannot be asked; no challenge, clients retry. */
    public static Challenge identityProviderUnavailable() {
        return new Challenge(Status.SERVICE_UNAVAILABLE_503, Optional.empty(), Optional.of("5"),
                "The identity provider is unavailable, so the token cannot be checked; try again later");
    }

    private Challenge unauthorized(String error, String description) {
        StringBuilder challenge = new StringBuilder("Bearer ");
        if (error != null) {
            challenge.append("error=\"").append(quoted(error)).append("\", ");
            if (description != null) {
                challenge.append("error_description=\"").append(quoted(description)).append("\", ");
            }
        }
        challenge.append("resource_metadata=\"").append(metadataUrl.get()).append('"');
        if (!challengeScopes.isEmpty()) {
            challenge.append(", scope=\"").append(format.render(challengeScopes)).append('"');
        }
        return new Challenge(Status.UNAUTHORIZED_401, Optional.of(challenge.toString()), Optional.empty(),
                "Unauthorized: " + (description == null ? "a bearer token is required" : description));
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
