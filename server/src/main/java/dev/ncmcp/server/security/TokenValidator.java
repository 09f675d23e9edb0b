package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.Discovery;
import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.idp.IdpUnavailableException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Validates bearer tokens as an OAuth 2.1 resource server: JWTs locally against the IdP's JWKS, other tokens by
 * RFC 7662 introspection (or, opt-in, at userinfo), per {@link OAuthSettings.TokenValidation}. Successes are
 * cached by the token's SHA-256, never past its expiry, so a repeated token costs no IdP round trip.
 *
 * <p>JWT verification uses JDK crypto, not Helidon's OIDC provider: in Helidon 4.3.0 that provider sends no
 * challenge for opaque tokens, does not refresh keys on an unknown {@code kid}, cannot fall through to another
 * path, and its JWK support lacks PS256.
 */
public final class TokenValidator {
    private static final System.Logger LOG = System.getLogger(TokenValidator.class.getName());

    private final OAuthSettings settings;
    private final Tuning tuning;
    private final Discovery discovery;
    private final Jwks jwks;
    private final JwtValidator jwt;
    private final Introspection introspection;
    private final UserinfoCheck userinfo;
    private final TokenCache cache;

    private TokenValidator(OAuthSettings settings, Supplier<URI> resource, Tuning tuning) {
        this.settings = settings;
        this.tuning = tuning;
        IdpHttp http = new IdpHttp();
        String issuer = settings.issuer().toString();
        Claims claims = new Claims(settings, resource);
        this.discovery = new Discovery(settings.issuer(), http, tuning.discovery(), List.of("jwks_uri"));
        this.jwks = new Jwks(() -> discovery.metadata().jwksUri(), http, tuning, issuer);
        this.jwt = new JwtValidator(jwks, claims);
        this.introspection = settings.hasClientCredentials()
                ? new Introspection(http, claims, issuer, settings.clientId(), settings.clientSecret()) : null;
        this.userinfo = settings.userinfoFallback()
                ? new UserinfoCheck(http, claims, issuer, settings.userinfoScopes()) : null;
        this.cache = new TokenCache(tuning.clock(), tuning.cacheMaxEntries());
    }

    /**
     * @param resource the MCP endpoint URL, an accepted audience (RFC 8707); a supplier because the port may be
     *                 known only once the server listens
     */
    public static TokenValidator create(OAuthSettings settings, Supplier<URI> resource) {
        return new TokenValidator(settings, resource, Tuning.defaults());
    }

    static TokenValidator create(OAuthSettings settings, Supplier<URI> resource, Tuning tuning) {
        return new TokenValidator(settings, resource, tuning);
    }

    /**
     * Fetches the IdP's metadata (retrying with backoff for about a minute) and, unless every token is
     * introspected, its signing keys; checks that the configured validation path is possible.
     *
     * @throws IdpUnavailableException naming the issuer when the IdP stays unreachable or its metadata is unusable
     */
    public void warmUp() {
        IdpMetadata metadata = discovery.warmUp();
        if (settings.validation() == OAuthSettings.TokenValidation.INTROSPECTION && opaqueEndpoint(metadata) == null) {
            throw new IdpUnavailableException("identity provider " + settings.issuer() + ": token validation is "
                    + "INTROSPECTION but " + (metadata.introspectionEndpoint() == null
                    ? "the provider advertises no introspection_endpoint" : "the sidecar has no client id and secret")
                    + (settings.userinfoFallback() ? " and no userinfo_endpoint" : " and the userinfo fallback is off"));
        }
        if (settings.validation() != OAuthSettings.TokenValidation.INTROSPECTION) {
            jwks.load();
        }
        LOG.log(System.Logger.Level.INFO, "identity provider " + settings.issuer() + " ready (validation "
                + settings.validation() + ", opaque tokens " + opaqueDescription(metadata) + ")");
    }

    /** The IdP's metadata, from the cache (refetched after an hour). */
    public IdpMetadata metadata() {
        return discovery.metadata();
    }

    /**
     * @throws InvalidTokenException   the token is invalid, expired, revoked or not meant for this resource
     * @throws IdpUnavailableException the IdP could not be asked; the token may be fine
     */
    public ValidatedToken validate(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("The token is empty");
        }
        ValidatedToken cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        Instant now = tuning.clock().instant();
        JwtValidator.Jws jws = JwtValidator.parse(token);
        ValidatedToken validated;
        Instant until;
        if (jws != null && settings.validation() != OAuthSettings.TokenValidation.INTROSPECTION) {
            validated = jwt.validate(jws, now);
            until = Instant.MAX;
        } else if (jws == null && settings.validation() == OAuthSettings.TokenValidation.JWT) {
            throw new InvalidTokenException("The token is not a JWT");
        } else {
            validated = opaque(token, now);
            until = now.plus(settings.cacheTtl());
        }
        cache.put(token, validated, until);
        return validated.withToken(token);
    }

    private ValidatedToken opaque(String token, Instant now) throws InvalidTokenException {
        IdpMetadata metadata = discovery.metadata();
        if (introspection != null && metadata.introspectionEndpoint() != null) {
            return introspection.validate(metadata.introspectionEndpoint(), token, now);
        }
        if (userinfo != null && metadata.userinfoEndpoint() != null) {
            return userinfo.validate(metadata.userinfoEndpoint(), token);
        }
        throw new InvalidTokenException("The token cannot be validated: this server accepts only JWT access tokens");
    }

    private URI opaqueEndpoint(IdpMetadata metadata) {
        if (introspection != null && metadata.introspectionEndpoint() != null) {
            return metadata.introspectionEndpoint();
        }
        return userinfo != null ? metadata.userinfoEndpoint() : null;
    }

    private String opaqueDescription(IdpMetadata metadata) {
        if (settings.validation() == OAuthSettings.TokenValidation.JWT) {
            return "rejected";
        }
        if (introspection != null && metadata.introspectionEndpoint() != null) {
            return "introspected";
        }
        return userinfo != null && metadata.userinfoEndpoint() != null ? "checked at userinfo" : "rejected";
    }

    TokenCache cache() {
        return cache;
    }

    Jwks jwks() {
        return jwks;
    }
}
