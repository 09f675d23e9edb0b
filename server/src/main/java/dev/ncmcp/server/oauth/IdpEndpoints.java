package dev.ncmcp.server.oauth;

import dev.ncmcp.server.idp.Discovery;
import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.idp.IdpUnavailableException;

import java.io.IOException;

/** Where the facade finds the identity provider's endpoints; a failure is reported, not thrown past the endpoint. */
@FunctionalInterface
interface IdpEndpoints {

    /** @throws IOException when the endpoints are unknown (discovery fails and never worked) */
    IdpMetadata get() throws IOException;

    /** The endpoints {@code discovery} finds, kept for its TTL; the last known ones when a refresh fails. */
    static IdpEndpoints discovered(Discovery discovery) {
        return () -> {
            try {
                return discovery.metadata();
            } catch (IdpUnavailableException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
