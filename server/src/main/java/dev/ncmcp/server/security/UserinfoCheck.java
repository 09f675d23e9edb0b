package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpUnavailableException;
import dev.ncmcp.spi.Scope;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * Last resort for identity providers that cannot introspect: a token the userinfo endpoint accepts (200) is
 * valid, granting the configured scopes (userinfo does not name them). Its audience cannot be checked, which is
 * why this is opt-in. Any 4xx is an invalid token (Nextcloud's oidc app answers a bad token with 400, not 401);
 * 5xx or no answer means the IdP is unavailable.
 */
final class UserinfoCheck {
    private static final System.Logger LOG = System.getLogger(UserinfoCheck.class.getName());

    private final IdpHttp http;
    private final Claims claims;
    private final String issuer;
    private final Set<Scope> grants;
    private final Set<String> rawGrants;

    UserinfoCheck(IdpHttp http, Claims claims, String issuer, Set<Scope> grants) {
        this.http = http;
        this.claims = claims;
        this.issuer = issuer;
        this.grants = Set.copyOf(grants);
        Set<String> raw = new TreeSet<>();
        grants.forEach(scope -> raw.add(scope.toString()));
        this.rawGrants = Set.copyOf(raw);
    }

    ValidatedToken validate(URI endpoint, String token) throws InvalidTokenException {
        IdpHttp.Response response;
        try {
            response = http.get(endpoint, "Bearer " + token);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": userinfo failed: "
                    + e.getMessage());
            throw new IdpUnavailableException("identity provider " + issuer + ": userinfo failed", e);
        }
        if (response.status() >= 400 && response.status() < 500) {
            throw new InvalidTokenException("The identity provider does not accept the token");
        }
        if (!response.ok()) {
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": userinfo answered HTTP "
                    + response.status());
            throw new IdpUnavailableException("identity provider " + issuer + ": userinfo answered HTTP "
                    + response.status());
        }
        JsonObject body;
        try {
            body = response.requireJson();
        } catch (IOException e) {
            throw new IdpUnavailableException("identity provider " + issuer + ": userinfo answered no JSON object", e);
        }
        String subject = claims.subject(body);
        return new ValidatedToken(subject, claims.username(body, subject), grants, rawGrants, null, null);
    }
}
