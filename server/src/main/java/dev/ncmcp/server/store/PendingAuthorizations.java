package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

/** Facade: an MCP client's authorization request, parked while the user is at the identity provider. */
public interface PendingAuthorizations {

    /**
     * @param state             the state the sidecar sent to the IdP (random, the key)
     * @param clientId          the MCP client
     * @param redirectUri       the client's redirect URI (validated; the registered one when the request named none)
     * @param redirectUriGiven  whether the authorization request carried {@code redirect_uri} (RFC 6749 §4.1.3: then,
     *                          and only then, the token request must repeat it)
     * @param clientState       the client's own {@code state}, returned to it unchanged
     * @param codeChallenge     the client's PKCE S256 challenge
     * @param scope             the scopes the client asked for
     * @param resource          the RFC 8707 resource the client named
     * @param idpCodeVerifier   the sidecar's own PKCE verifier towards the IdP (secret, encrypted at rest)
     * @param expiresAt         when the pending request is abandoned
     */
    record Pending(String state, String clientId, String redirectUri, boolean redirectUriGiven, String clientState,
                   String codeChallenge, String scope, String resource, String idpCodeVerifier, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[clientId=" + clientId + ", redirectUri=" + redirectUri
                    + (redirectUriGiven ? "" : " (default)") + ", scope=" + scope + "]";
        }
    }

    void save(Pending pending);

    /** Removes and returns the pending request: each state can be used once, also across replicas. */
    Optional<Pending> take(String state);
}
