package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

/** Facade: one-time authorization codes the sidecar issues to MCP clients (stored by hash). */
public interface AuthorizationCodes {

    /**
     * @param clientId        the client the code was issued to
     * @param redirectUri     the redirect URI used in the authorization request
     * @param codeChallenge   PKCE S256 challenge to verify at the token endpoint
     * @param scope           granted scopes
     * @param resource        the resource the token is for
     * @param subject         the user
     * @param idpAccessToken  the IdP access token obtained at the callback (secret, encrypted at rest)
     * @param idpRefreshToken the IdP refresh token, or null (secret, encrypted at rest)
     * @param accessExpiresAt when the IdP access token expires
     * @param expiresAt       when the code expires (60 s after issue)
     */
    record Code(String clientId, String redirectUri, String codeChallenge, String scope, String resource,
                String subject, String idpAccessToken, String idpRefreshToken, Instant accessExpiresAt,
                Instant expiresAt) {
        @Override
        public String toString() {
            return "Code[clientId=" + clientId + ", subject=" + subject + ", scope=" + scope + "]";
        }
    }

    /** Stores {@code code} under the hash of {@code value}. */
    void save(String value, Code code);

    /**
     * Redeems a code exactly once: the first caller gets it, every later or concurrent caller (also on
     * another replica) gets empty. Expired codes are never returned.
     */
    Optional<Code> redeem(String value, Instant now);
}
