package dev.ncmcp.server.security;

import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.SecurityConfig;
import dev.ncmcp.spi.Scope;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the sidecar, as an OAuth 2.1 resource server, validates bearer tokens.
 *
 * @param issuers          authorization servers; {@code issuers.get(0)} is the one whose tokens are accepted
 * @param audiences        accepted {@code aud} values besides the MCP resource URL (for example the sidecar's
 *                         client id {@code mcp-sidecar})
 * @param clientId         the sidecar's own confidential client, for introspection; may be null
 * @param clientSecret     its secret; may be null (then introspection is impossible)
 * @param validation       which validation path tokens take
 * @param clockSkew        tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param cacheTtl         longest time an introspected or userinfo-validated token is cached; JWTs are cached
 *                         until their {@code exp}, never past it
 * @param userinfoFallback validate opaque tokens at the userinfo endpoint when introspection is impossible
 * @param userinfoScopes   the scopes a userinfo-validated token grants (userinfo does not name them)
 * @param userClaim        the claim naming the Nextcloud login; {@code sub} when the token lacks it
 */
public record OAuthSettings(List<URI> issuers, List<String> audiences, String clientId, String clientSecret,
                            TokenValidation validation, Duration clockSkew, Duration cacheTtl,
                            boolean userinfoFallback, Set<Scope> userinfoScopes, String userClaim) {

    /** The claim naming the Nextcloud login unless configured otherwise. */
    public static final String DEFAULT_USER_CLAIM = "preferred_username";

    /** Which path a token takes. */
    public enum TokenValidation {
        /** JWT-shaped tokens are verified locally, everything else is introspected (or checked at userinfo). */
        AUTO,
        /** Only locally verified JWTs are accepted. */
        JWT,
        /** Every token is introspected, JWTs too: this is how revocation is seen. */
        INTROSPECTION
    }

    public OAuthSettings {
        issuers = List.copyOf(issuers);
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("at least one issuer is required");
        }
        audiences = List.copyOf(audiences == null ? List.of() : audiences);
        validation = validation == null ? TokenValidation.AUTO : validation;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(1) : cacheTtl;
        if (clockSkew.isNegative() || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("clockSkew and cacheTtl must not be negative");
        }
        userinfoScopes = Set.copyOf(userinfoScopes == null ? Set.of() : userinfoScopes);
        userClaim = userClaim == null || userClaim.isBlank() ? DEFAULT_USER_CLAIM : userClaim;
    }

    /**
     * The settings of {@code security.*}.
     *
     * @throws ConfigProblem when {@code security.userinfo.scopes} names something that is not an application scope
     */
    public static OAuthSettings from(SecurityConfig config) {
        Set<Scope> userinfoScopes = new TreeSet<>();
        for (String text : config.userinfoScopes()) {
            userinfoScopes.add(Scope.parse(text).orElseThrow(() -> new ConfigProblem(
                    "security.userinfo.scopes (SECURITY_USERINFO_SCOPES): not an application scope: " + text)));
        }
        return new OAuthSettings(config.issuers(), config.audiences(), config.clientId(), config.clientSecret(),
                TokenValidation.valueOf(config.validation().toUpperCase(Locale.ROOT)), config.clockSkew(),
                config.cacheTtl(), config.userinfo(), userinfoScopes, config.userClaim());
    }

    /** The issuer whose tokens are accepted. */
    public URI issuer() {
        return issuers.get(0);
    }

    /** Whether the sidecar has client credentials to introspect with. */
    public boolean hasClientCredentials() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "OAuthSettings[issuers=" + issuers + ", audiences=" + audiences + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***") + ", validation=" + validation
                + ", clockSkew=" + clockSkew + ", cacheTtl=" + cacheTtl + ", userinfoFallback=" + userinfoFallback
                + ", userinfoScopes=" + userinfoScopes + ", userClaim=" + userClaim + "]";
    }
}
