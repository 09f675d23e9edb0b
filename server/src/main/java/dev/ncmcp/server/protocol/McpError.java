package dev.ncmcp.server.protocol;

import io.helidon.http.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A JSON-RPC error to return, with the HTTP status a modern (2026-07-28) response uses. */
public final class McpError extends Exception {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int RESOURCE_NOT_FOUND_LEGACY = -32002;
    public static final int HEADER_MISMATCH = -32020;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonValue data;
    private final transient Status status;

    public McpError(int code, String message, JsonValue data, Status status) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public JsonValue data() {
        return data;
    }

    public Status status() {
        return status;
    }

    public static McpError parse() {
        return new McpError(PARSE_ERROR, "Parse error: Invalid JSON", null, Status.BAD_REQUEST_400);
    }

    public static McpError invalidRequest(String message) {
        return new McpError(INVALID_REQUEST, "Invalid Request: " + message, null, Status.BAD_REQUEST_400);
    }

    public static McpError invalidRequest(String message, Status status) {
        return new McpError(INVALID_REQUEST, message, null, status);
    }

    public static McpError methodNotFound(String method) {
        return new McpError(METHOD_NOT_FOUND, "Method not found: " + method, null, Status.NOT_FOUND_404);
    }

    public static McpError invalidParams(String message) {
        return new McpError(INVALID_PARAMS, message, null, Status.OK_200);
    }

    /** A request that lacks required protocol fields ({@code _meta}) is malformed: 400. */
    public static McpError malformedParams(String message) {
        return new McpError(INVALID_PARAMS, message, null, Status.BAD_REQUEST_400);
    }

    public static McpError headerMismatch(String message) {
        return new McpError(HEADER_MISMATCH, "Header mismatch: " + message, null, Status.BAD_REQUEST_400);
    }

    public static McpError unsupportedVersion(String requested) {
        JsonObject data = Jsons.object()
                .add("supported", Jsons.array(ProtocolVersions.SUPPORTED))
                .add("requested", requested == null ? JsonValue.NULL : Jsons.string(requested))
                .build();
        return new McpError(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data, Status.BAD_REQUEST_400);
    }

    public static McpError resourceNotFound(Era era, String uri) {
        JsonObject data = Jsons.object().add("uri", uri).build();
        return new McpError(era == Era.LEGACY ? RESOURCE_NOT_FOUND_LEGACY : INVALID_PARAMS, "Resource not found",
                data, Status.OK_200);
    }

    public static McpError internal(String requestId) {
        return new McpError(INTERNAL_ERROR, "Internal error (request id " + requestId + ")", null,
                Status.INTERNAL_SERVER_ERROR_500);
    }

    /**
     * A request refused before it reached a method (authentication, authorization, an unavailable identity
     * provider): -32603 when the server is at fault (5xx), -32600 otherwise.
     */
    public static McpError refused(Status status, String message) {
        int code = status.code() >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        return new McpError(code, message, null, status);
    }

    /** For messages that are safe to show, such as a plugin's {@code ToolException}. */
    public static McpError internalWithMessage(String message) {
        return new McpError(INTERNAL_ERROR, message, null, Status.OK_200);
    }
}
