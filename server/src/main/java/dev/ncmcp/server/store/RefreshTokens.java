package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

/** Facade: refresh tokens the sidecar issued to MCP clients (stored by hash), each backed by the IdP's. */
public interface RefreshTokens {

    /**
     * @param clientId        the MCP client it was issued to
     * @param subject         the user
     * @param scope           the granted scopes
     * @param resource        the resource
     * @param idpRefreshToken the IdP refresh token behind it (secret, encrypted at rest)
     * @param expiresAt       when it expires
     */
    record Grant(String clientId, String subject, String scope, String resource, String idpRefreshToken,
                 Instant expiresAt) {
        @Override
        public String toString() {
            return "Grant[clientId=" + clientId + ", subject=" + subject + ", scope=" + scope + "]";
        }
    }

    /** Stores {@code grant} under the hash of {@code value}. */
    void save(String value, Grant grant);

    /** Removes and returns the grant (refresh tokens rotate: each is used once). */
    Optional<Grant> take(String value, Instant now);
}
