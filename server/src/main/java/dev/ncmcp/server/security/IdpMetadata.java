package dev.ncmcp.server.security;

import java.net.URI;
import java.util.Set;

/**
 * What the identity provider's discovery document says, as far as the sidecar needs it.
 *
 * @param introspectionEndpoint null when the IdP offers no RFC 7662 introspection
 * @param userinfoEndpoint      null when the IdP offers no userinfo endpoint
 * @param registrationEndpoint  null when the IdP offers no dynamic client registration
 * @param grantTypesSupported   as advertised, or RFC 8414's default {@code authorization_code implicit}
 */
public record IdpMetadata(URI issuer, URI jwksUri, URI tokenEndpoint, URI introspectionEndpoint,
                          URI userinfoEndpoint, URI registrationEndpoint, Set<String> grantTypesSupported) {

    public IdpMetadata {
        grantTypesSupported = Set.copyOf(grantTypesSupported);
    }
}
