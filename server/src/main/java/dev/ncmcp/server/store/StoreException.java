package dev.ncmcp.server.store;

/**
 * The store could not do what was asked: the database failed, or a secret could not be decrypted. The
 * message names the table or the key id involved, never a secret or a key.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
