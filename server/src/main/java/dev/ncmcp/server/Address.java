package dev.ncmcp.server;

import dev.ncmcp.server.security.ProtectedResourceMetadata;

import java.net.URI;
import java.util.function.IntFunction;

/** Where clients reach the sidecar: the MCP URL and its metadata URL, which depend on the port once it listens. */
final class Address {

    private final IntFunction<URI> mcpUrl;
    private volatile int port;

    /** @param mcpUrl the MCP URL for a port */
    Address(IntFunction<URI> mcpUrl, int configuredPort) {
        this.mcpUrl = mcpUrl;
        this.port = configuredPort;
    }

    /** An address that does not depend on the port. */
    static Address fixed(URI mcpUrl) {
        return new Address(port -> mcpUrl, 0);
    }

    void listening(int actualPort) {
        this.port = actualPort;
    }

    int port() {
        return port;
    }

    URI mcpUrl() {
        return mcpUrl.apply(port);
    }

    /** RFC 9728 §3.1: the well-known path with the resource's path appended. */
    URI metadataUrl() {
        URI mcp = mcpUrl();
        return mcp.resolve("/.well-known" + ProtectedResourceMetadata.wellKnownPath(mcp));
    }
}
