package dev.ncmcp.server.idp;

/**
 * The identity provider could not be asked (down, timing out, answering 5xx, or refusing the sidecar's own
 * client credentials). Not the caller's fault: the token may be fine, so the HTTP answer is 503, not 401.
 * Also thrown at startup when discovery keeps failing; the message names the issuer.
 */
public final class IdpUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdpUnavailableException(String message) {
        super(message);
    }

    public IdpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
