package dev.ncmcp.server.mcp;

import java.util.Set;

import dev.ncmcp.server.security.InsufficientScopeException;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;

/** Scope checks shared by the feature handlers. */
final class Scopes {
    private Scopes() {
    }

    static boolean grants(Caller caller, Set<Scope> required) {
        return caller.grantedScopes().containsAll(required);
    }

    /** @throws InsufficientScopeException (propagates to the routing: 403 + WWW-Authenticate) */
    static void require(Caller caller, Set<Scope> required) {
        if (!grants(caller, required)) {
            throw new InsufficientScopeException(required);
        }
    }
}
