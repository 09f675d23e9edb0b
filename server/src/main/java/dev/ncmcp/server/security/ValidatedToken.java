package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer token that passed validation. {@link #toString()} never shows the token itself.
 *
 * @param subject   the IdP's subject ({@code sub})
 * @param username  the Nextcloud login (the configured user claim, else {@code sub})
 * @param scopes    the application scopes granted ({@code notes:read} and {@code notes.read} both parsed)
 * @param rawScopes every scope string the token carries, including ones such as {@code openid}
 * @param expiresAt when the token expires; null when the IdP did not say (introspection without
 *                  {@code exp}, userinfo)
 * @param token     the raw token, for forwarding (bearer pass-through, token exchange); null in cache entries
 */
public record ValidatedToken(String subject, String username, Set<Scope> scopes, Set<String> rawScopes,
                             Instant expiresAt, String token) {

    public ValidatedToken {
        scopes = Set.copyOf(scopes);
        rawScopes = Set.copyOf(rawScopes);
    }

    /** This token with the raw token attached (the cache keeps entries without it). */
    ValidatedToken withToken(String raw) {
        return new ValidatedToken(subject, username, scopes, rawScopes, expiresAt, raw);
    }

    ValidatedToken withoutToken() {
        return token == null ? this : withToken(null);
    }

    @Override
    public String toString() {
        return "ValidatedToken[subject=" + subject + ", username=" + username + ", scopes=" + scopes
                + ", rawScopes=" + rawScopes + ", expiresAt=" + expiresAt + ", token=" + (token == null ? "none" : "***")
                + "]";
    }
}
