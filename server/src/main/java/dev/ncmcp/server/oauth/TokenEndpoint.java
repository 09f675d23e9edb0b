package dev.ncmcp.server.oauth;

import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.store.AuthorizationCodes;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.RefreshTokens;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.server.oauth.FacadeHttp.body;
import static dev.ncmcp.server.oauth.FacadeHttp.parse;
import static dev.ncmcp.server.oauth.FacadeHttp.sendJson;
import static dev.ncmcp.server.oauth.FacadeHttp.single;
import static dev.ncmcp.server.oauth.IdpAnswers.longValue;
import static dev.ncmcp.server.oauth.IdpAnswers.rejectsClient;

/**
 * {@code POST /oauth/token} for public clients: the {@code authorization_code} grant (PKCE, redirect URI, resource;
 * a reused code revokes its token family) and the {@code refresh_token} grant (rotation at every use, the IdP's
 * refresh token used behind the scenes; a replay revokes the chain). Every refusal is a {@link TokenError}, mapped
 * to an RFC 6749 §5.2 answer in one place.
 */
final class TokenEndpoint {
    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(30);

    private final FacadeSite site;
    private final ClientResolver clients;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final IdpClientManager idpClients;
    private final IdpEndpoints idpEndpoints;
    private final IdpHttp http;
    private final Clock clock;

    TokenEndpoint(FacadeSite site, ClientResolver clients, AuthorizationCodes codes, RefreshTokens refreshTokens,
                  IdpClientManager idpClients, IdpEndpoints idpEndpoints, IdpHttp http, Clock clock) {
        this.site = site;
        this.clients = clients;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.idpClients = idpClients;
        this.idpEndpoints = idpEndpoints;
        this.http = http;
        this.clock = clock;
    }

    /** An RFC 6749 §5.2 error. */
    private static final class TokenError extends Exception {
        private static final long serialVersionUID = 1L;
        final Status status;
        final String error;

        TokenError(Status status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }

        static TokenError grant(String description) {
            return new TokenError(Status.BAD_REQUEST_400, "invalid_grant", description);
        }

        static TokenError request(String description) {
            return new TokenError(Status.BAD_REQUEST_400, "invalid_request", description);
        }
    }

    void token(ServerRequest request, ServerResponse response) {
        try {
            String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw TokenError.request("the token request must be application/x-www-form-urlencoded");
            }
            Map<String, List<String>> form;
            try {
                form = parse(body(request));
            } catch (IOException e) {
                throw TokenError.request(e.getMessage());
            }
            for (Map.Entry<String, List<String>> entry : form.entrySet()) {
                if (entry.getValue().size() > 1) {
                    throw TokenError.request("parameter " + entry.getKey() + " is repeated");
                }
            }
            if (request.headers().contains(HeaderNames.AUTHORIZATION)) {
                throw new TokenError(Status.UNAUTHORIZED_401, "invalid_client", "clients of this server are public "
                        + "(token_endpoint_auth_method none): send client_id, no credentials");
            }
            String grantType = single(form, "grant_type");
            JsonObject answer = switch (grantType == null ? "" : grantType) {
                case "authorization_code" -> authorizationCodeGrant(form);
                case "refresh_token" -> refreshTokenGrant(form);
                case "" -> throw TokenError.request("grant_type is required");
                default -> throw new TokenError(Status.BAD_REQUEST_400, "unsupported_grant_type",
                        "supported: authorization_code, refresh_token");
            };
            sendJson(response, Status.OK_200, answer);
        } catch (TokenError e) {
            sendJson(response, e.status, Json.createObjectBuilder().add("error", e.error)
                    .add("error_description", e.getMessage()).build());
        }
    }

    private ClientResolver.Client tokenClient(Map<String, List<String>> form) throws TokenError {
        String clientId = single(form, "client_id");
        if (clientId == null) {
            throw new TokenError(Status.UNAUTHORIZED_401, "invalid_client", "client_id is required");
        }
        try {
            return clients.resolve(clientId);
        } catch (ClientResolver.UnknownClient e) {
            throw new TokenError(Status.UNAUTHORIZED_401, "invalid_client", e.getMessage());
        }
    }

    private JsonObject authorizationCodeGrant(Map<String, List<String>> form) throws TokenError {
        String code = single(form, "code");
        String verifier = single(form, "code_verifier");
        if (code == null || verifier == null) {
            throw TokenError.request("code and code_verifier are required");
        }
        ClientResolver.Client client = tokenClient(form);
        Instant now = clock.instant();
        String family = Secrets.random();
        AuthorizationCodes.Code grant = switch (codes.redeem(code, now, family)) {
            case AuthorizationCodes.Redemption.Redeemed redeemed -> redeemed.code();
            // RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens issued from it
            case AuthorizationCodes.Redemption.Reused reused -> throw revokeFamily(reused.familyId(), now,
                    "an authorization code was presented again", "the authorization code");
            case AuthorizationCodes.Redemption.Unknown unknown -> throw TokenError.grant(
                    "the authorization code is invalid, expired or was already used");
        };
        if (!grant.clientId().equals(client.id())) {
            throw TokenError.grant("the authorization code was issued to another client");
        }
        String redirectUri = single(form, "redirect_uri");
        if (grant.redirectUriGiven() ? !grant.redirectUri().equals(redirectUri)
                : redirectUri != null && !redirectUri.equals(grant.redirectUri())) {
            throw TokenError.grant("redirect_uri does not match the authorization request");
        }
        if (!Secrets.verifierMatches(verifier, grant.codeChallenge())) {
            throw TokenError.grant("the code_verifier does not match the code_challenge");
        }
        String resourceParam = single(form, "resource");
        if (resourceParam != null && !site.sameResource(resourceParam)) {
            throw new TokenError(Status.BAD_REQUEST_400, "invalid_target", "tokens are issued for "
                    + site.resource() + " only");
        }
        String refresh = null;
        if (grant.idpRefreshToken() != null && client.metadata().grantTypes().contains("refresh_token")) {
            refresh = Secrets.random();
            if (!refreshTokens.save(refresh, new RefreshTokens.Grant(client.id(), grant.subject(), grant.scope(),
                    grant.resource(), grant.idpRefreshToken(), family, now.plus(DEFAULT_REFRESH_TTL)))) {
                // the code was presented again while this request was on its way: its tokens are revoked
                throw TokenError.grant("the authorization code was used more than once");
            }
        }
        return tokenResponse(grant.idpAccessToken(),
                Math.max(0, Duration.between(now, grant.accessExpiresAt()).toSeconds()), grant.scope(), refresh);
    }

    private JsonObject refreshTokenGrant(Map<String, List<String>> form) throws TokenError {
        String presented = single(form, "refresh_token");
        if (presented == null) {
            throw TokenError.request("refresh_token is required");
        }
        ClientResolver.Client client = tokenClient(form);
        Instant now = clock.instant();
        RefreshTokens.Grant grant = switch (refreshTokens.use(presented, now)) {
            case RefreshTokens.Use.Active active -> active.grant();
            // OAuth 2.1 §4.3.1, RFC 9700 §4.14.2: whoever replays, the chain's active token is revoked too
            case RefreshTokens.Use.Replayed replayed -> throw revokeFamily(replayed.familyId(), now,
                    "a used refresh token was presented again", "the refresh token");
            case RefreshTokens.Use.Unknown unknown -> throw TokenError.grant(
                    "the refresh token is invalid, expired or was already used");
        };
        if (!grant.clientId().equals(client.id())) {
            throw TokenError.grant("the refresh token was issued to another client");
        }
        String scope = single(form, "scope");
        if (scope != null) {
            Set<String> granted = Set.of(grant.scope().split(" "));
            for (String item : scope.trim().split("\\s+")) {
                if (!item.isEmpty() && !granted.contains(item)) {
                    refreshTokens.save(presented, grant);
                    throw new TokenError(Status.BAD_REQUEST_400, "invalid_scope", "scope exceeds the original grant");
                }
            }
        }
        IdpClients.Client idpClient = null;
        IdpHttp.Response answer;
        try {
            idpClient = idpClients.current();
            Map<String, String> request = new LinkedHashMap<>();
            request.put("grant_type", "refresh_token");
            request.put("refresh_token", grant.idpRefreshToken());
            if (scope != null) {
                request.put("scope", scope);
            }
            if (idpClient.clientSecret() == null) {
                request.put("client_id", idpClient.clientId());
            }
            answer = http.postForm(idpEndpoints.get().tokenEndpoint(), IdpClientManager.authorization(idpClient), request);
        } catch (IOException e) {
            refreshTokens.save(presented, grant);
            LOG.log(System.Logger.Level.WARNING, "OAuth facade: refresh at the identity provider failed: "
                    + e.getMessage());
            throw new TokenError(Status.SERVICE_UNAVAILABLE_503, "temporarily_unavailable",
                    "the identity provider is not reachable; try again");
        }
        Optional<JsonObject> tokens = answer.json();
        if (answer.status() >= 500) {
            refreshTokens.save(presented, grant);
            throw new TokenError(Status.SERVICE_UNAVAILABLE_503, "temporarily_unavailable",
                    "the identity provider failed; try again");
        }
        if (answer.status() != 200 || tokens.isEmpty() || tokens.get().getString("access_token", null) == null) {
            if (rejectsClient(answer)) {
                idpClients.rejected(idpClient);
            }
            throw TokenError.grant("the identity provider refused the refresh (" + answer.error() + ")");
        }
        JsonObject json = tokens.get();
        String grantedScope = json.getString("scope", grant.scope());
        String rotated = Secrets.random();
        if (!refreshTokens.save(rotated, new RefreshTokens.Grant(client.id(), grant.subject(), grantedScope,
                grant.resource(), json.getString("refresh_token", grant.idpRefreshToken()), grant.familyId(),
                now.plus(DEFAULT_REFRESH_TTL)))) {
            // the presented token was replayed while this request was at the IdP: the whole chain is revoked
            throw TokenError.grant("the refresh token was revoked");
        }
        return tokenResponse(json.getString("access_token"), longValue(json, "expires_in", 300), grantedScope,
                rotated);
    }

    private static JsonObject tokenResponse(String accessToken, long expiresIn, String scope, String refresh) {
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresIn)
                .add("scope", scope);
        if (refresh != null) {
            out.add("refresh_token", refresh);
        }
        return out.build();
    }

    /** Revokes the refresh tokens of a family after a replay and gives the caller's invalid_grant answer. */
    private TokenError revokeFamily(String familyId, Instant now, String what, String credential) {
        int revoked = refreshTokens.revokeFamily(familyId, now.plus(DEFAULT_REFRESH_TTL));
        LOG.log(System.Logger.Level.WARNING, "OAuth facade: " + what + "; revoked the refresh tokens of its chain ("
                + revoked + " active)");
        return TokenError.grant(credential + " is invalid, expired or was already used");
    }

}
