package dev.ncmcp.server.security;

/**
 * A bearer token is invalid, expired or not meant for this resource. The message is safe to show to the
 * client (it becomes the {@code error_description}) and never contains the token.
 */
public final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
