package dev.ncmcp.server.security;

import dev.ncmcp.spi.Caller;
import io.helidon.webserver.http.ServerRequest;

/** OAuth mode: the caller is the subject of the bearer token {@link BearerAuthFeature} validated. */
public final class TokenCallers implements CallerResolver {

    @Override
    public Caller resolve(ServerRequest request) {
        ValidatedToken token = request.context().get(ValidatedToken.class, ValidatedToken.class)
                .orElseThrow(() -> new IllegalStateException("no validated bearer token in the request context: "
                        + "BearerAuthFeature is not in front of this route"));
        return new Caller(token.subject(), token.username(), token.scopes());
    }
}
