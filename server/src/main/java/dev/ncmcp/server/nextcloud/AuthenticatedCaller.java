package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.Caller;

import java.util.Objects;
import java.util.Optional;

/**
 * A caller as the transport resolved it at the edge: who calls, with which granted scopes, and the bearer token
 * they presented — what the Nextcloud layer needs to act as them ({@code bearer} forwards the token,
 * {@code token-exchange} trades it). {@link #toString()} never shows the token.
 *
 * @param caller      the identity and the scopes granted
 * @param bearerToken the raw token; empty in unauthenticated single-user mode
 */
public record AuthenticatedCaller(Caller caller, Optional<String> bearerToken) {

    public AuthenticatedCaller {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /** A caller that presented no token (single-user mode, tests). */
    public static AuthenticatedCaller withoutToken(Caller caller) {
        return new AuthenticatedCaller(caller, Optional.empty());
    }

    @Override
    public String toString() {
        return "AuthenticatedCaller[caller=" + caller + ", bearerToken=" + (bearerToken.isPresent() ? "***" : "none")
                + "]";
    }
}
