package dev.ncmcp.server.idp;

import java.net.URI;
import java.util.Set;

/**
 * What the identity provider's discovery document says, as far as the sidecar needs it. An endpoint the
 * provider does not offer is null; {@link Discovery} fails for the endpoints its user requires.
 *
 * @param authorizationEndpoint where users log in (the facade sends them there)
 * @param jwksUri               the signing keys of its JWTs
 * @param introspectionEndpoint RFC 7662 introspection
 * @param userinfoEndpoint      OpenID userinfo
 * @param registrationEndpoint  dynamic client registration (RFC 7591)
 * @param grantTypesSupported   as advertised, or RFC 8414's default {@code authorization_code implicit}
 */
public record IdpMetadata(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                          URI introspectionEndpoint, URI userinfoEndpoint, URI registrationEndpoint,
                          Set<String> grantTypesSupported) {

    public IdpMetadata {
        grantTypesSupported = Set.copyOf(grantTypesSupported);
    }
}
