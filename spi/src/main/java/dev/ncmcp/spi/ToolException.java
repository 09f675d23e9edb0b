package dev.ncmcp.spi;

import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * A failure the model can act on. The server turns it into a tool result with {@code isError: true}
 * whose text is {@link #getMessage()}; the message must therefore be safe to show (no secrets, no
 * stack traces) and should say what to do next.
 */
public class ToolException extends Exception {

    /** What kind of failure; clients and metrics see it as {@code errorKind}. */
    public enum Kind {
        /** An argument is missing, malformed or out of range. */
        INVALID_ARGUMENT,
        /** The addressed object does not exist (or is not visible to the caller). */
        NOT_FOUND,
        /** The object changed since it was read (ETag / If-Match), or already exists. */
        CONFLICT,
        /** Nextcloud refused the operation for this user. */
        PERMISSION_DENIED,
        /** Nextcloud rejected the sidecar's credentials for this user. */
        AUTHENTICATION,
        /** Nextcloud is unreachable, timed out, in maintenance, or answered 5xx. */
        UNAVAILABLE,
        /** The content is larger than the sidecar is configured to pass on, or than Nextcloud accepts. */
        TOO_LARGE,
        /** The object is locked because it is being changed elsewhere right now; retrying soon may work. */
        LOCKED,
        /** The user's storage quota (or the server's disk) has no room for the change. */
        QUOTA_EXCEEDED,
        /** Nextcloud answered something the plugin did not expect. */
        UPSTREAM_ERROR
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final transient JsonValue details;

    public ToolException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public ToolException(Kind kind, String message, JsonValue details, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.details = details;
    }

    public Kind kind() {
        return kind;
    }

    /** Structured data returned with the error (for a conflict: the current version), or {@code null}. */
    public JsonValue details() {
        return details;
    }

    public static ToolException invalidArgument(String message) {
        return new ToolException(Kind.INVALID_ARGUMENT, message);
    }

    public static ToolException notFound(String message) {
        return new ToolException(Kind.NOT_FOUND, message);
    }

    public static ToolException conflict(String message, JsonValue current) {
        return new ToolException(Kind.CONFLICT, message, current, null);
    }

    public static ToolException permissionDenied(String message) {
        return new ToolException(Kind.PERMISSION_DENIED, message);
    }

    public static ToolException tooLarge(String message) {
        return new ToolException(Kind.TOO_LARGE, message);
    }

    public static ToolException upstream(String message) {
        return new ToolException(Kind.UPSTREAM_ERROR, message);
    }
}
