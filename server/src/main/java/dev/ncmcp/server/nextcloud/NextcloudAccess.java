package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import io.helidon.webserver.http.ServerRequest;

import java.util.Set;

/** Gives the MCP layer a Nextcloud client authenticated as a caller. Implemented by the Nextcloud layer. */
@FunctionalInterface
public interface NextcloudAccess {

    /**
     * Called lazily, the first time a tool, resource or prompt uses Nextcloud during a request.
     *
     * @param request the HTTP request (its context carries the validated bearer token, if any)
     * @param caller  the caller
     * @param scopes  the scopes of the tool, resource or prompt being served; token exchange asks the
     *                identity provider for exactly these
     */
    NextcloudClient clientFor(ServerRequest request, Caller caller, Set<Scope> scopes) throws NextcloudException;
}
