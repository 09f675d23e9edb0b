package dev.ncmcp.server.oauth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The identity provider's endpoints, discovered and kept for an hour; when discovery fails the last known endpoints
 * are used, and without them the failure is reported.
 */
final class IdpDiscovery implements IdpEndpoints.Source {
    private final URI idpIssuer;
    private final OAuthHttp http;
    private final Clock clock;
    private volatile IdpEndpoints endpoints;
    private volatile Instant endpointsFetched = Instant.EPOCH;

    IdpDiscovery(URI idpIssuer, OAuthHttp http, Clock clock) {
        this.idpIssuer = idpIssuer;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public IdpEndpoints get() throws IOException {
        IdpEndpoints current = endpoints;
        if (current != null && endpointsFetched.plus(Duration.ofHours(1)).isAfter(clock.instant())) {
            return current;
        }
        try {
            current = IdpEndpoints.discover(idpIssuer, http);
            endpoints = current;
            endpointsFetched = clock.instant();
            return current;
        } catch (IOException e) {
            if (endpoints != null) {
                return endpoints;
            }
            throw e;
        }
    }
}
