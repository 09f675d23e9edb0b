package dev.ncmcp.server.security;

import dev.ncmcp.spi.Caller;
import io.helidon.webserver.http.ServerRequest;

/** Tells the MCP layer who calls, with which granted scopes. Implemented by the security layer. */
@FunctionalInterface
public interface CallerResolver {
    /**
     * @param request the HTTP request, already authenticated by the routing in front of the MCP service
     * @return the caller; exceptions (for example an HTTP 401) propagate unchanged to the routing
     */
    Caller resolve(ServerRequest request);
}
