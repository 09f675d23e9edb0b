package dev.ncmcp.server.config;

import java.time.Duration;

/**
 * The optional OAuth authorization-server facade ({@code oauth.facade.*}, env {@code OAUTH_FACADE_*}).
 *
 * @param enabled        {@code oauth.facade.enabled}: serve {@code /oauth/*} and point the PRM at the sidecar
 * @param clientId       {@code oauth.facade.client.id}: the sidecar's static client at the IdP, or null to register
 *                       one by RFC 7591 at startup
 * @param clientSecret   {@code oauth.facade.client.secret} (never logged), or null
 * @param registerRate   {@code oauth.facade.register.rate}: client registrations per minute per IP address
 * @param codesTtl       {@code oauth.facade.codes.ttl}: lifetime of the sidecar's one-time authorization codes
 * @param clientLifetime {@code oauth.facade.client.lifetime}: re-register a dynamically registered IdP client once
 *                       it is this old (IdPs such as Nextcloud's oidc app delete them after an hour); zero = never
 */
public record FacadeConfig(boolean enabled, String clientId, String clientSecret, int registerRate,
                           Duration codesTtl, Duration clientLifetime) {

    static FacadeConfig from(ConfigValues values) {
        String clientId = values.text("oauth.facade.client.id").orElse(null);
        String clientSecret = values.text("oauth.facade.client.secret").orElse(null);
        if (clientSecret != null && clientId == null) {
            throw ConfigProblem.forKey("oauth.facade.client.id", "oauth.facade.client.secret is set but the client id "
                    + "is not");
        }
        return new FacadeConfig(values.bool("oauth.facade.enabled", false), clientId, clientSecret,
                values.integer("oauth.facade.register.rate", 10, 1, 10_000),
                Duration.ofSeconds(values.integer("oauth.facade.codes.ttl", 60, 5, 600)),
                Duration.ofSeconds(values.integer("oauth.facade.client.lifetime", 0, 0, 31_536_000)));
    }

    /** Whether the sidecar's IdP client is configured rather than registered. */
    public boolean staticClient() {
        return clientId != null;
    }

    @Override
    public String toString() {
        return "FacadeConfig[enabled=" + enabled + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "(none)" : "(set)") + ", registerRate=" + registerRate + ", codesTtl="
                + codesTtl + ", clientLifetime=" + clientLifetime + "]";
    }
}
