package dev.ncmcp.server.security;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import io.helidon.http.Headers;

import java.util.Optional;
import java.util.Set;

/**
 * Unauthenticated single-user mode: every request acts as the one configured Nextcloud user with
 * every scope. Only for a loopback bind or the demo.
 */
public final class SingleUserCallers implements CallerResolver {

    private final AuthenticatedCaller caller;

    public SingleUserCallers(String user, Set<Scope> allScopes) {
        this.caller = AuthenticatedCaller.withoutToken(new Caller(user, user, allScopes));
    }

    @Override
    public AuthenticatedCaller resolve(Optional<String> bearerToken, Headers headers) {
        return caller;
    }
}
