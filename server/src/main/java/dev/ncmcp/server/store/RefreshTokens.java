package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Facade: refresh tokens the sidecar issued to MCP clients (stored by hash), each backed by the IdP's. Tokens
 * rotate: each is used once. Every token belongs to a family (the chain started by one authorization code); a used
 * token is remembered with its family until it would have expired, so that a replay can be detected and the family
 * revoked (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).
 */
public interface RefreshTokens {

    /**
     * @param clientId        the MCP client it was issued to
     * @param subject         the user
     * @param scope           the granted scopes
     * @param resource        the resource
     * @param idpRefreshToken the IdP refresh token behind it (secret, encrypted at rest)
     * @param familyId        the chain it belongs to: new for an authorization code, inherited on refresh
     * @param expiresAt       when it expires
     */
    record Grant(String clientId, String subject, String scope, String resource, String idpRefreshToken,
                 String familyId, Instant expiresAt) {
        @Override
        public String toString() {
            return "Grant[clientId=" + clientId + ", subject=" + subject + ", scope=" + scope + ", family="
                    + familyId + "]";
        }
    }

    /** What presenting a refresh token found. */
    sealed interface Use {
        /** The token was active and is now used (remembered as such until it would have expired). */
        record Active(Grant grant) implements Use {
        }

        /** The token was used before: a replay; {@code familyId} is the chain it belongs to. */
        record Replayed(String familyId) implements Use {
        }

        /** Never issued, expired, or revoked. */
        record Unknown() implements Use {
        }
    }

    /**
     * Stores {@code grant} under the hash of {@code value} (also to put back a token {@link #use used} by a request
     * that then failed for a passing reason: it is active again, no longer used). Refused, returning false, when
     * the grant's family has been revoked.
     */
    boolean save(String value, Grant grant);

    /**
     * Uses a token: of any number of concurrent callers (also on other replicas) exactly one gets
     * {@link Use.Active}; the others, and every later caller until the token would have expired, get
     * {@link Use.Replayed}. An expired token is never returned.
     */
    Use use(String value, Instant now);

    /** {@link #use} for callers that only care whether the token was active. */
    default Optional<Grant> take(String value, Instant now) {
        return use(value, now) instanceof Use.Active active ? Optional.of(active.grant()) : Optional.empty();
    }

    /**
     * Revokes a family: deletes its active tokens, and refuses to {@link #save} tokens of the family from now until
     * {@code until} (a request of the chain may be in flight). Returns how many active tokens were deleted.
     */
    int revokeFamily(String familyId, Instant until);
}
