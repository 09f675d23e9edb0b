package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.IdpUnavailableException;
import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.spi.Caller;
import io.helidon.http.Headers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OAuth mode: the caller is the subject of a valid bearer token. Missing token → 401 naming the resource metadata
 * and scopes; bad token → 401 {@code invalid_token}; identity provider unreachable → 503 (the token may be fine).
 */
public final class BearerCallers implements CallerResolver {
    private static final System.Logger LOG = System.getLogger(BearerCallers.class.getName());
    /** RFC 6750 §2.1 b64token. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final TokenValidator validator;
    private final Challenges challenges;

    public BearerCallers(TokenValidator validator, Challenges challenges) {
        this.validator = validator;
        this.challenges = challenges;
    }

    @Override
    public AuthenticatedCaller resolve(Optional<String> bearerToken, Headers headers) throws AuthenticationException {
        if (bearerToken.isEmpty()) {
            throw new AuthenticationException(challenges.missingToken());
        }
        String token = bearerToken.get();
        if (!TOKEN68.matcher(token).matches()) {
            throw new AuthenticationException(challenges.invalidToken("The token is malformed"));
        }
        ValidatedToken validated;
        try {
            validated = validator.validate(token);
        } catch (InvalidTokenException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "bearer token rejected: " + e.getMessage());
            throw new AuthenticationException(challenges.invalidToken(e.getMessage()));
        } catch (IdpUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot validate a bearer token: " + e.getMessage());
            throw new AuthenticationException(Challenges.identityProviderUnavailable());
        }
        return new AuthenticatedCaller(new Caller(validated.subject(), validated.username(), validated.scopes()),
                Optional.of(token));
    }
}
