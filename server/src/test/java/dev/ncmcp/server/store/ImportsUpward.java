package dev.ncmcp.server.store;

import dev.ncmcp.server.transport.McpService;

/** A fixture of {@code ArchitectureTest}: a store class reaching up into the transport, which the map forbids. */
public final class ImportsUpward {
    McpService endpoint;

    private ImportsUpward() {
    }
}
