package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpUnavailableException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7662 token introspection with the sidecar's own client credentials (HTTP Basic, form-encoded per
 * RFC 6749 §2.3.1). {@code active:false} → invalid; {@code exp}, {@code iss} and {@code aud} are checked when
 * present. The IdP refusing the sidecar's credentials (401/403) is a server misconfiguration, not the
 * caller's fault: it becomes {@link IdpUnavailableException} (503), so clients do not loop re-authorizing.
 */
final class Introspection {
    private static final System.Logger LOG = System.getLogger(Introspection.class.getName());

    private final IdpHttp http;
    private final Claims claims;
    private final String issuer;
    private final String authorization;

    Introspection(IdpHttp http, Claims claims, String issuer, String clientId, String clientSecret) {
        this.http = http;
        this.claims = claims;
        this.issuer = issuer;
        this.authorization = IdpHttp.clientBasic(clientId, clientSecret);
    }

    ValidatedToken validate(URI endpoint, String token, Instant now) throws InvalidTokenException {
        IdpHttp.Response response;
        JsonObject body;
        try {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", token);
            form.put("token_type_hint", "access_token");
            response = http.postForm(endpoint, authorization, form);
            if (response.status() == 401 || response.status() == 403) {
                LOG.log(System.Logger.Level.ERROR, "identity provider " + issuer + ": introspection refused the "
                        + "sidecar's client credentials (HTTP " + response.status() + "); check the client id and "
                        + "secret");
                throw new IdpUnavailableException("identity provider " + issuer + " refused the sidecar's client "
                        + "credentials at its introspection endpoint");
            }
            if (!response.ok()) {
                LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": introspection answered HTTP "
                        + response.status());
                throw new IdpUnavailableException("identity provider " + issuer + ": introspection answered HTTP "
                        + response.status());
            }
            body = response.requireJson();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": introspection failed: "
                    + e.getMessage());
            throw new IdpUnavailableException("identity provider " + issuer + ": introspection failed", e);
        }
        if (body.get("active") != JsonValue.TRUE) {
            throw new InvalidTokenException("The token is not active");
        }
        claims.issuer(body, false);
        Instant exp = claims.times(body, now, false);
        claims.audience(body, false);
        String subject = claims.subject(body);
        Set<String> raw = Claims.rawScopes(body);
        return new ValidatedToken(subject, claims.username(body, subject), Claims.scopes(raw), raw, exp, null);
    }
}
