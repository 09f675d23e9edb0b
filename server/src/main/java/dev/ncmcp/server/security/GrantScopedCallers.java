package dev.ncmcp.server.security;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import io.helidon.http.Headers;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Login-flow mode: a caller's effective scopes are the token's scopes intersected with the scopes the
 * user granted when connecting Nextcloud ({@code openid} stays, so the connection tools remain usable).
 * Before the first connection the token's scopes apply, so tools are listed and explain that Nextcloud
 * must be connected first.
 */
public final class GrantScopedCallers implements CallerResolver {

    private final CallerResolver tokens;
    private final AppPasswords grants;

    public GrantScopedCallers(CallerResolver tokens, AppPasswords grants) {
        this.tokens = tokens;
        this.grants = grants;
    }

    @Override
    public AuthenticatedCaller resolve(Optional<String> bearerToken, Headers headers) throws AuthenticationException {
        AuthenticatedCaller authenticated = tokens.resolve(bearerToken, headers);
        Caller caller = authenticated.caller();
        Optional<AppPasswords.Grant> grant = grants.find(caller.subject());
        if (grant.isEmpty()) {
            return authenticated;
        }
        Set<Scope> granted = new TreeSet<>();
        grant.get().scopes().forEach(text -> Scope.parse(text).ifPresent(granted::add));
        Set<Scope> effective = new TreeSet<>();
        for (Scope scope : caller.grantedScopes()) {
            if (scope.isOpenId() || granted.contains(scope)) {
                effective.add(scope);
            }
        }
        return new AuthenticatedCaller(new Caller(caller.subject(), grant.get().nextcloudUser(), effective),
                authenticated.bearerToken());
    }
}
