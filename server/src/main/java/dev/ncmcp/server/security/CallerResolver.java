package dev.ncmcp.server.security;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import io.helidon.http.Headers;

import java.util.Optional;

/** Decides who calls, once per request, at the edge: OAuth bearer tokens, or the one user of single-user mode. */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @param bearerToken the token of an {@code Authorization: Bearer} header, if the request has one
     * @param headers     the request's headers
     * @throws AuthenticationException with the challenge to answer when the request does not authenticate
     */
    AuthenticatedCaller resolve(Optional<String> bearerToken, Headers headers) throws AuthenticationException;
}
