package dev.ncmcp.server.protocol;

import java.util.Optional;

/**
 * The MCP request headers that mirror the body, as the transport read them.
 *
 * @param protocolVersion {@code MCP-Protocol-Version}
 * @param method          {@code Mcp-Method} (2026-07-28)
 * @param name            {@code Mcp-Name} (2026-07-28: the tool, prompt or resource named in the body)
 */
public record McpHeaders(Optional<String> protocolVersion, Optional<String> method, Optional<String> name) {

    /** Whether the client says it speaks 2026-07-28. */
    public boolean modern() {
        return protocolVersion.filter(ProtocolVersions.MODERN::equals).isPresent();
    }
}
