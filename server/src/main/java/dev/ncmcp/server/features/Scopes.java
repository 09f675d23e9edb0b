package dev.ncmcp.server.features;

import java.util.Set;

import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;

/** Scope checks shared by the feature handlers. */
final class Scopes {
    private Scopes() {
    }

    static boolean grants(Caller caller, Set<Scope> required) {
        return caller.grantedScopes().containsAll(required);
    }

    /** @throws InsufficientScopeException (the transport answers 403 + WWW-Authenticate) */
    static void require(Caller caller, Set<Scope> required) {
        if (!grants(caller, required)) {
            throw new InsufficientScopeException(required);
        }
    }
}
