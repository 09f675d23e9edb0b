package dev.ncmcp.server.security;

import dev.ncmcp.server.config.SecurityConfig;
import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.spi.Scope;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may call the MCP endpoint, assembled once from {@code security.*}: in {@code oauth} mode a token validator
 * for the identity provider (reached at startup), in {@code none} mode nobody to ask.
 */
public final class Security {

    private final Optional<TokenValidator> tokens;

    private Security(Optional<TokenValidator> tokens) {
        this.tokens = tokens;
    }

    /**
     * In {@code oauth} mode fetches the identity provider's metadata and keys, retrying for about a minute.
     *
     * @param resource the MCP endpoint URL, an accepted token audience (known once the server listens)
     * @throws dev.ncmcp.server.idp.IdpUnavailableException naming the issuer when the provider stays unreachable
     */
    public static Security create(SecurityConfig config, Supplier<URI> resource) {
        if (config.mode() == SecurityConfig.Mode.NONE) {
            return new Security(Optional.empty());
        }
        TokenValidator tokens = TokenValidator.create(OAuthSettings.from(config), resource);
        tokens.warmUp();
        return new Security(Optional.of(tokens));
    }

    /** Whether callers must present bearer tokens. */
    public boolean authenticated() {
        return tokens.isPresent();
    }

    /** The identity provider's metadata; only in {@code oauth} mode. */
    public IdpMetadata identityProvider() {
        return tokens.orElseThrow(() -> new IllegalStateException("security.mode none has no identity provider"))
                .metadata();
    }

    /**
     * How callers are resolved: by bearer token, narrowed to the scopes each user granted when {@code connections}
     * are kept (login-flow mode); without authentication, as {@code singleUser} with every scope.
     */
    public CallerResolver callers(Challenges challenges, String singleUser, Set<Scope> allScopes,
                                  Optional<AppPasswords> connections) {
        if (tokens.isEmpty()) {
            return new SingleUserCallers(singleUser, allScopes);
        }
        CallerResolver bearer = new BearerCallers(tokens.get(), challenges);
        return connections.<CallerResolver>map(grants -> new GrantScopedCallers(bearer, grants)).orElse(bearer);
    }
}
