package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.config.NextcloudConfig;
import dev.ncmcp.server.config.SecurityConfig;
import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RFC 8693 token exchange: trades the caller's MCP token at the identity provider for a short-lived
 * token whose audience is Nextcloud, asking for exactly the scopes the current tool needs. Results
 * are cached per user and scope set in memory until shortly before they expire, never stored.
 */
public final class TokenExchanger {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 10_000;
    private static final System.Logger LOG = System.getLogger(TokenExchanger.class.getName());

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final List<String> extraScopes;
    private final char separator;
    private final IdpHttp http = new IdpHttp();
    private final Clock clock;
    private final Map<String, Exchanged> cache = new ConcurrentHashMap<>();

    /**
     * @param tokenEndpoint the IdP's token endpoint
     * @param clientId      the sidecar's client, allowed to exchange tokens
     * @param clientSecret  its secret
     * @param audience      the audience to ask for ({@code nextcloud})
     * @param extraScopes   scopes always requested in addition (e.g. one that maps the audience)
     * @param separator     how plugin scopes are rendered
     */
    public TokenExchanger(URI tokenEndpoint, String clientId, String clientSecret, String audience,
                          List<String> extraScopes, char separator, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.audience = audience;
        this.extraScopes = List.copyOf(extraScopes);
        this.separator = separator;
        this.clock = clock;
    }

    /**
     * The exchanger at {@code idp}'s token endpoint, with the sidecar's client ({@code security.client.*}) and the
     * audience and extra scopes of {@code nextcloud.exchange.*}. Warns when the provider does not advertise the grant.
     */
    public static TokenExchanger create(IdpMetadata idp, SecurityConfig security, NextcloudConfig nextcloud,
                                        char separator) {
        if (!idp.grantTypesSupported().contains(GRANT_TYPE)) {
            LOG.log(System.Logger.Level.WARNING, "The identity provider {0} does not advertise the token exchange "
                    + "grant ({1}) in its metadata; token exchange will fail unless it is enabled for client {2}",
                    idp.issuer(), GRANT_TYPE, security.clientId());
        }
        return new TokenExchanger(idp.tokenEndpoint(), security.clientId(), security.clientSecret(),
                nextcloud.exchangeAudience(), nextcloud.exchangeScopes(), separator, Clock.systemUTC());
    }

    /** A token for Nextcloud on behalf of {@code subject}, from the cache or freshly exchanged. */
    public String exchange(String subject, String subjectToken, Set<Scope> scopes) throws NextcloudException {
        String requested = requestedScopes(scopes);
        String key = subject + "\n" + requested;
        Instant now = clock.instant();
        Exchanged cached = cache.get(key);
        if (cached != null && cached.renewAt().isAfter(now)) {
            return cached.token();
        }
        Exchanged fresh = request(subjectToken, requested, now);
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(entry -> !entry.renewAt().isAfter(now));
        }
        if (cache.size() < MAX_CACHED) {
            cache.put(key, fresh);
        }
        return fresh.token();
    }

    int cachedCount() {
        return cache.size();
    }

    private String requestedScopes(Set<Scope> scopes) {
        List<String> names = new ArrayList<>();
        new TreeSet<>(scopes).forEach(scope -> names.add(scope.render(separator)));
        names.addAll(extraScopes);
        return String.join(" ", names);
    }

    private Exchanged request(String subjectToken, String scopes, Instant now) throws NextcloudException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        form.put("audience", audience);
        if (!scopes.isEmpty()) {
            form.put("scope", scopes);
        }
        IdpHttp.Response response;
        try {
            response = http.postForm(tokenEndpoint, IdpHttp.clientBasic(clientId, clientSecret), form);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new NextcloudException(Kind.UNAVAILABLE, "interrupted during token exchange", e);
            }
            throw new NextcloudException(Kind.UNAVAILABLE, "The identity provider's token endpoint "
                    + tokenEndpoint + " is unreachable, so no Nextcloud token could be obtained by token exchange.", e);
        }
        int status = response.status();
        JsonObject json = response.json().orElse(null);
        if (status >= 500) {
            throw new NextcloudException(Kind.UNAVAILABLE, "Token exchange failed: the identity provider answered HTTP "
                    + status + ". Try again later.");
        }
        if (status != 200 || json == null || !json.containsKey("access_token")) {
            throw refused(status, json, scopes);
        }
        long expiresIn = json.containsKey("expires_in") ? json.getJsonNumber("expires_in").longValue() : 60;
        Instant renewAt = now.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        LOG.log(System.Logger.Level.DEBUG, "Exchanged a token for audience {0} with scopes [{1}], valid {2} s",
                audience, scopes, expiresIn);
        return new Exchanged(json.getString("access_token"), renewAt);
    }

    private NextcloudException refused(int status, JsonObject json, String scopes) {
        String error = json == null ? "" : json.getString("error", "");
        String description = json == null ? "" : json.getString("error_description", "");
        String detail = "(HTTP " + status + (error.isEmpty() ? "" : ", " + error)
                + (description.isEmpty() ? "" : ": " + description) + ")";
        String advice = switch (error) {
            case "invalid_client", "unauthorized_client" -> "The operator must give client '" + clientId
                    + "' the right to use token exchange (Keycloak: enable 'Standard token exchange' on the client) "
                    + "and check security.client.id / security.client.secret.";
            case "invalid_scope" -> "The operator must make the scopes [" + scopes + "] available to client '"
                    + clientId + "' at the identity provider (nextcloud.exchange.scopes adds scopes to every request).";
            default -> "The operator must allow client '" + clientId + "' to exchange tokens for audience '"
                    + audience + "': the caller's token must name '" + clientId + "' in its audience and a scope "
                    + "that maps audience '" + audience + "' must be requested (nextcloud.exchange.scopes).";
        };
        return new NextcloudException(Kind.AUTHENTICATION, "The identity provider refused to exchange the caller's "
                + "token for a Nextcloud token " + detail + ". " + advice);
    }

    private record Exchanged(String token, Instant renewAt) {
        @Override
        public String toString() {
            return "Exchanged[renewAt=" + renewAt + "]";
        }
    }
}
