package dev.ncmcp.server.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Decides per request which era serves it and, for 2026-07-28, checks the request metadata: the
 * {@code _meta} fields and the headers that mirror the body ({@code MCP-Protocol-Version},
 * {@code Mcp-Method}, {@code Mcp-Name}).
 */
public final class VersionSelector {
    private static final Set<String> NAMED_METHODS = Set.of("tools/call", "resources/read", "prompts/get");

    /** The era and revision one request is served with. */
    public record Selection(Era era, String version) {
    }

    private VersionSelector() {
    }

    /**
     * Legacy when the client starts with {@code initialize}, or sends no modern {@code _meta} and a legacy (or no)
     * version header; modern otherwise.
     */
    public static Selection select(Message.Request request, McpHeaders headers) throws McpError {
        Optional<String> header = headers.protocolVersion().map(String::trim);
        if ("initialize".equals(request.method())) {
            return new Selection(Era.LEGACY, ProtocolVersions.LATEST_LEGACY);
        }
        JsonObject meta = request.meta();
        JsonValue metaVersion = meta.get(ProtocolVersions.META_PROTOCOL_VERSION);
        if (metaVersion == null) {
            if (header.isEmpty()) {
                return new Selection(Era.LEGACY, ProtocolVersions.HEADERLESS);
            }
            String version = header.get();
            if (ProtocolVersions.isLegacy(version)) {
                return new Selection(Era.LEGACY, version);
            }
            if (ProtocolVersions.MODERN.equals(version)) {
                throw McpError.malformedParams("Missing required _meta field " + ProtocolVersions.META_PROTOCOL_VERSION);
            }
            throw McpError.unsupportedVersion(version);
        }
        if (!(metaVersion instanceof JsonString versionString)) {
            throw McpError.malformedParams("_meta field " + ProtocolVersions.META_PROTOCOL_VERSION + " must be a string");
        }
        String version = versionString.getString();
        if (!ProtocolVersions.SUPPORTED.contains(version)) {
            throw McpError.unsupportedVersion(version);
        }
        if (header.isEmpty()) {
            throw McpError.headerMismatch("required header MCP-Protocol-Version is missing");
        }
        if (!header.get().equals(version)) {
            throw McpError.headerMismatch("MCP-Protocol-Version header value '" + header.get()
                    + "' does not match body value '" + version + "'");
        }
        if (ProtocolVersions.isLegacy(version)) {
            return new Selection(Era.LEGACY, version);
        }
        checkModern(request, headers);
        return new Selection(Era.MODERN, version);
    }

    private static void checkModern(Message.Request request, McpHeaders headers) throws McpError {
        JsonObject meta = request.meta();
        if (!(meta.get(ProtocolVersions.META_CLIENT_CAPABILITIES) instanceof JsonObject)) {
            throw McpError.malformedParams("Missing required _meta field " + ProtocolVersions.META_CLIENT_CAPABILITIES);
        }
        JsonValue clientInfo = meta.get(ProtocolVersions.META_CLIENT_INFO);
        if (clientInfo != null && !(clientInfo instanceof JsonObject)) {
            throw McpError.malformedParams("_meta field " + ProtocolVersions.META_CLIENT_INFO + " must be an object");
        }
        String method = headers.method().orElseThrow(
                () -> McpError.headerMismatch("required header Mcp-Method is missing"));
        if (!method.equals(request.method())) {
            throw McpError.headerMismatch("Mcp-Method header value '" + method + "' does not match body value '"
                    + request.method() + "'");
        }
        if (NAMED_METHODS.contains(request.method())) {
            String field = "resources/read".equals(request.method()) ? "uri" : "name";
            String rawName = headers.name().orElseThrow(
                    () -> McpError.headerMismatch("required header Mcp-Name is missing"));
            String name = decode(rawName);
            String body = Jsons.optString(request.params(), field);
            if (!name.equals(body)) {
                throw McpError.headerMismatch("Mcp-Name header value '" + name + "' does not match body value '"
                        + body + "'");
            }
        }
    }

    /** Decodes the {@code =?base64?…?=} sentinel form; other values are taken as they are. */
    static String decode(String value) throws McpError {
        if (value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11) {
            try {
                return new String(Base64.getDecoder().decode(value.substring(9, value.length() - 2)),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw McpError.headerMismatch("Mcp-Name header is not valid base64");
            }
        }
        return value;
    }
}
