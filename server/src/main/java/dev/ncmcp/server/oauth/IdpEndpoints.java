package dev.ncmcp.server.oauth;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the facade needs from the identity provider's metadata (OpenID discovery, else RFC 8414).
 *
 * @param registrationEndpoint null when the IdP offers no dynamic client registration
 * @param scopesSupported      empty when the IdP does not say
 */
record IdpEndpoints(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI registrationEndpoint,
                    Set<String> scopesSupported) {

    IdpEndpoints {
        scopesSupported = Set.copyOf(scopesSupported);
    }

    /** Where the current endpoints come from (discovery, cached). */
    @FunctionalInterface
    interface Source {
        IdpEndpoints get() throws IOException;
    }

    static IdpEndpoints discover(URI issuer, OAuthHttp http) throws IOException {
        String base = strip(issuer.toString());
        URI openid = URI.create(base + "/.well-known/openid-configuration");
        OAuthHttp.Response response = http.get(openid, null);
        URI from = openid;
        if (response.status() != 200) {
            String path = issuer.getRawPath() == null ? "" : strip(issuer.getRawPath());
            from = issuer.resolve("/.well-known/oauth-authorization-server" + path);
            response = http.get(from, null);
        }
        if (response.status() != 200) {
            throw new IOException("no metadata for identity provider " + issuer + " (HTTP " + response.status()
                    + " at " + from + ")");
        }
        URI source = from;
        JsonObject doc = response.json().orElseThrow(() -> new IOException(source + " is not a JSON object"));
        if (!strip(doc.getString("issuer", "")).equals(base)) {
            throw new IOException("the metadata at " + from + " names issuer " + doc.getString("issuer", null)
                    + ", not " + issuer);
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (doc.get("scopes_supported") instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    scopes.add(s.getString());
                }
            }
        }
        return new IdpEndpoints(issuer, required(doc, "authorization_endpoint", from),
                required(doc, "token_endpoint", from), optional(doc, "registration_endpoint"), scopes);
    }

    private static URI required(JsonObject doc, String name, URI from) throws IOException {
        URI value = optional(doc, name);
        if (value == null) {
            throw new IOException("the metadata at " + from + " has no " + name);
        }
        return value;
    }

    private static URI optional(JsonObject doc, String name) {
        try {
            String text = doc.getString(name, null);
            return text == null ? null : URI.create(text);
        } catch (ClassCastException | IllegalArgumentException e) {
            return null;
        }
    }

    static String strip(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
