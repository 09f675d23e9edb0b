package dev.ncmcp.server.security;

import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import io.helidon.webserver.http.ServerRequest;

import java.util.Set;

/**
 * Unauthenticated single-user mode: every request acts as the one configured Nextcloud user with
 * every scope. Only for a loopback bind or the demo.
 */
public final class SingleUserCallers implements CallerResolver {

    private final Caller caller;

    public SingleUserCallers(String user, Set<Scope> allScopes) {
        this.caller = new Caller(user, user, allScopes);
    }

    @Override
    public Caller resolve(ServerRequest request) {
        return caller;
    }
}
