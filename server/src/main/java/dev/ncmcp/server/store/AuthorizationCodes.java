package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Facade: one-time authorization codes the sidecar issues to MCP clients (stored by hash). A redeemed code is
 * remembered (its hash and the token family its redemption started) until it would have expired, so that a second
 * presentation can be told apart from an unknown code and the tokens issued at the first one revoked
 * (RFC 6749 §4.1.2).
 */
public interface AuthorizationCodes {

    /**
     * @param clientId         the client the code was issued to
     * @param redirectUri      the redirect URI used in the authorization request (the registered one if it named none)
     * @param redirectUriGiven whether the authorization request carried {@code redirect_uri}: then the token request
     *                         must carry the same value (RFC 6749 §4.1.3)
     * @param codeChallenge    PKCE S256 challenge to verify at the token endpoint
     * @param scope            granted scopes
     * @param resource         the resource the token is for
     * @param subject          the user
     * @param idpAccessToken   the IdP access token obtained at the callback (secret, encrypted at rest)
     * @param idpRefreshToken  the IdP refresh token, or null (secret, encrypted at rest)
     * @param accessExpiresAt  when the IdP access token expires
     * @param expiresAt        when the code expires (60 s after issue)
     */
    record Code(String clientId, String redirectUri, boolean redirectUriGiven, String codeChallenge, String scope,
                String resource, String subject, String idpAccessToken, String idpRefreshToken,
                Instant accessExpiresAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Code[clientId=" + clientId + ", subject=" + subject + ", scope=" + scope + "]";
        }
    }

    /** What presenting a code found. */
    sealed interface Redemption {
        /** The first, unexpired presentation: the code, now spent. */
        record Redeemed(Code code) implements Redemption {
        }

        /** The code was redeemed before (and has not yet expired): its first redemption started {@code familyId}. */
        record Reused(String familyId) implements Redemption {
        }

        /** Never issued, expired, or redeemed so long ago that it would have expired anyway. */
        record Unknown() implements Redemption {
        }
    }

    /** Stores {@code code} under the hash of {@code value}. */
    void save(String value, Code code);

    /**
     * Redeems a code exactly once: the first caller gets {@link Redemption.Redeemed}, and the code is remembered as
     * having started token family {@code familyId} until its expiry; every later or concurrent caller (also on
     * another replica) gets {@link Redemption.Reused} with that family. Expired codes are never returned (and are
     * burnt by the attempt).
     */
    Redemption redeem(String value, Instant now, String familyId);

    /** {@link #redeem(String, Instant, String)} for callers that issue nothing from the code's token family. */
    default Optional<Code> redeem(String value, Instant now) {
        return redeem(value, now, UUID.randomUUID().toString()) instanceof Redemption.Redeemed redeemed
                ? Optional.of(redeemed.code()) : Optional.empty();
    }
}
