package dev.ncmcp.server.mcp;

import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;

/** Gives the MCP layer a Nextcloud client authenticated as a caller. Implemented by the Nextcloud layer. */
@FunctionalInterface
public interface NextcloudAccess {
    /** Called lazily, the first time a tool, resource or prompt uses Nextcloud during a request. */
    NextcloudClient clientFor(Caller caller) throws NextcloudException;
}
