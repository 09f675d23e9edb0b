package dev.ncmcp.server.security;

/** A request did not authenticate; {@link #challenge()} is what to answer. */
public final class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Challenge challenge;

    public AuthenticationException(Challenge challenge) {
        super(challenge.message(), null, false, false);
        this.challenge = challenge;
    }

    public Challenge challenge() {
        return challenge;
    }
}
