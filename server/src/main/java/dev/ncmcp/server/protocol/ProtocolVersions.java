package dev.ncmcp.server.protocol;

import java.util.List;

/** The protocol revisions this endpoint speaks, newest first. */
public final class ProtocolVersions {
    /** Stateless, per-request {@code _meta}; no handshake. */
    public static final String MODERN = "2026-07-28";
    /** Handshake-based revisions, served on the same endpoint without sessions. */
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26");
    /** The latest legacy revision, offered when an {@code initialize} asks for one we do not know. */
    public static final String LATEST_LEGACY = "2025-11-25";
    /** Assumed for requests without an {@code MCP-Protocol-Version} header (clients older than 2025-06-18). */
    public static final String HEADERLESS = "2025-03-26";
    public static final List<String> SUPPORTED = List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26");

    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private ProtocolVersions() {
    }

    public static boolean isLegacy(String version) {
        return LEGACY.contains(version);
    }
}
