package dev.ncmcp.server.security;

import io.helidon.http.Status;

import java.util.Optional;

/**
 * How the MCP endpoint refuses a request it cannot authorize: the HTTP status, the {@code WWW-Authenticate} value
 * (RFC 6750) when the client should (re)authorize, {@code Retry-After} when it should just wait, and a message for
 * the client and the model. Never contains a token.
 */
public record Challenge(Status status, Optional<String> wwwAuthenticate, Optional<String> retryAfter,
                        String message) {
}
