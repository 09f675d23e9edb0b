package dev.ncmcp.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * Who may call the MCP endpoint ({@code security.*}).
 *
 * @param mode            {@code oauth} (bearer tokens from {@code issuers}) or {@code none}
 * @param issuers         authorization servers; the first one's tokens are accepted, all are listed in the PRM
 * @param audiences       accepted {@code aud} values besides the MCP URL (e.g. the sidecar's client id)
 * @param clientId        the sidecar's own client at the IdP (introspection, token exchange), or null
 * @param clientSecret    its secret (never logged), or null
 * @param validation      {@code auto}, {@code jwt} or {@code introspection}
 * @param clockSkew       tolerance for {@code exp}/{@code nbf}
 * @param cacheTtl        longest time an introspected token stays cached (JWTs: until {@code exp})
 * @param userinfo        accept tokens that only the userinfo endpoint can confirm
 * @param userinfoScopes  scopes granted to such tokens (the IdP does not tell)
 * @param userClaim       the claim naming the Nextcloud login
 */
public record SecurityConfig(Mode mode, List<URI> issuers, List<String> audiences, String clientId,
                             String clientSecret, String validation, Duration clockSkew, Duration cacheTtl,
                             boolean userinfo, List<String> userinfoScopes, String userClaim) {

    /** {@code security.mode}. */
    public enum Mode { OAUTH, NONE }

    static SecurityConfig from(ConfigValues values, String host, boolean demo) {
        Mode mode = switch (values.text("security.mode", demo ? "none" : "oauth")) {
            case "oauth" -> Mode.OAUTH;
            case "none" -> Mode.NONE;
            default -> throw ConfigProblem.forKey("security.mode", "expected oauth or none, got '"
                    + values.text("security.mode", "") + "'");
        };
        List<URI> issuers = values.list("security.issuers", List.of()).stream().map(text -> {
            try {
                URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw ConfigProblem.forKey("security.issuers", "not an issuer URL: '" + text + "'");
            }
        }).toList();
        if (mode == Mode.NONE && !isLoopback(host)) {
            throw ConfigProblem.forKey("security.mode", "'none' (no authentication) is only allowed when the sidecar "
                    + "listens on a loopback address, but server.host is " + host + "; configure security.issuers "
                    + "for OAuth instead");
        }
        if (mode == Mode.OAUTH && issuers.isEmpty()) {
            throw ConfigProblem.forKey("security.issuers", "OAuth mode needs the identity provider's issuer URL "
                    + "(e.g. https://keycloak.example.com/realms/mcp); for local use without authentication set "
                    + "security.mode to none");
        }
        String validation = values.text("security.tokens.validation", "auto");
        if (!List.of("auto", "jwt", "introspection").contains(validation)) {
            throw ConfigProblem.forKey("security.tokens.validation", "expected auto, jwt or introspection, got '"
                    + validation + "'");
        }
        return new SecurityConfig(mode, issuers, values.list("security.audiences", List.of()),
                values.text("security.client.id").orElse(null), values.text("security.client.secret").orElse(null),
                validation,
                Duration.ofSeconds(values.integer("security.tokens.skew", 60, 0, 600)),
                Duration.ofSeconds(values.integer("security.tokens.cache", 300, 0, 86_400)),
                values.bool("security.userinfo.enabled", false),
                values.list("security.userinfo.scopes", List.of()),
                values.text("security.claims.user", "preferred_username"));
    }

    static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return (Character.isDigit(literal.charAt(0)) || literal.contains(":"))
                    && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SecurityConfig[mode=" + mode + ", issuers=" + issuers + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "(none)" : "(set)") + ", validation=" + validation + "]";
    }
}
