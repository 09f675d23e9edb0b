package dev.ncmcp.server.oauth;

import dev.ncmcp.server.config.FacadeConfig;
import dev.ncmcp.server.security.IdpUnavailableException;
import dev.ncmcp.server.store.AuthorizationCodes;
import dev.ncmcp.server.store.ClientRegistrations;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.PendingAuthorizations;
import dev.ncmcp.server.store.RefreshTokens;
import dev.ncmcp.server.store.Store;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The optional OAuth 2.1 authorization-server facade (DESIGN §7) for identity providers MCP clients cannot use
 * directly. MCP clients register here (RFC 7591, or by Client ID Metadata Document), authorize here with PKCE;
 * after the user's consent the sidecar sends the browser to the IdP with its own client, exchanges the IdP's code
 * server-side and hands the client a one-time code of its own. The token endpoint returns the IdP's access token
 * (so resource-server validation is unchanged) and a sidecar refresh token that stands for the IdP's refresh token,
 * which the client never sees.
 *
 * <p>Routes: {@code /.well-known/oauth-authorization-server} ({@link #metadataService()}), and under {@code /oauth}:
 * {@code GET|POST /authorize}, {@code GET /callback}, {@code POST /token}, {@code POST /register}.
 */
public final class AuthorizationFacade implements HttpService {
    private static final System.Logger LOG = System.getLogger(AuthorizationFacade.class.getName());
    static final Duration PENDING_TTL = Duration.ofMinutes(10);
    static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(30);
    static final int MAX_BODY = 64 * 1024;
    static final String COOKIE_PREFIX = "ncmcp_consent_";
    /** Scopes a client may ask for besides the plugin scopes; only openid is passed on. */
    private static final Set<String> TOLERATED_SCOPES = Set.of("openid", "profile", "email", "offline_access");

    private final FacadeConfig config;
    private final URI idpIssuer;
    private final Supplier<URI> resource;
    private final List<String> scopes;
    private final PendingAuthorizations pending;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final ClientRegistrations registrations;
    private final ClientResolver clients;
    private final IdpClientManager idpClients;
    private final OAuthHttp http;
    private final RateLimiter registerLimit;
    private final Clock clock;
    private volatile IdpEndpoints endpoints;
    private volatile Instant endpointsFetched = Instant.EPOCH;

    AuthorizationFacade(FacadeConfig config, URI idpIssuer, Supplier<URI> resource, List<String> scopes, Store store,
                        MetadataFetcher fetcher, OAuthHttp http, Clock clock, IdpClientManager.Sleeper sleeper) {
        this.config = config;
        this.idpIssuer = idpIssuer;
        this.resource = resource;
        this.scopes = List.copyOf(scopes);
        this.pending = store.pendingAuthorizations();
        this.codes = store.authorizationCodes();
        this.refreshTokens = store.refreshTokens();
        this.registrations = store.clientRegistrations();
        this.clients = new ClientResolver(registrations, fetcher, clock);
        this.http = http;
        this.clock = clock;
        this.registerLimit = new RateLimiter(config.registerRate(), clock);
        this.idpClients = new IdpClientManager(config.clientId(), config.clientSecret(), idpIssuer,
                store.idpClients(), this::endpoints, this::callbackUri, this.scopes, config.clientLifetime(), http,
                clock, sleeper);
    }

    /**
     * @param idpIssuer the identity provider whose tokens the sidecar accepts
     * @param resource  the MCP endpoint URL; the facade's issuer is its origin
     * @param scopes    the plugin scopes as rendered for the IdP (e.g. {@code notes:read})
     * @param store     where pending requests, codes, registrations and refresh tokens live
     */
    public static AuthorizationFacade create(FacadeConfig config, URI idpIssuer, Supplier<URI> resource,
                                             List<String> scopes, Store store) {
        return new AuthorizationFacade(config, idpIssuer, resource, scopes, store, new SafeMetadataFetcher(),
                new OAuthHttp(), Clock.systemUTC(), Thread::sleep);
    }

    /**
     * Fetches the IdP's endpoints and makes sure the sidecar has a client there (registering one if needed).
     * Call once the server listens: the callback URL contains the port.
     *
     * @throws IdpUnavailableException naming the issuer when that fails
     */
    public void warmUp() {
        try {
            endpoints();
            idpClients.warmUp();
            LOG.log(System.Logger.Level.INFO, "OAuth facade ready: issuer " + issuer() + ", identity provider "
                    + idpIssuer + (idpClients.dynamic() ? " (registered client)" : " (static client)"));
        } catch (IOException e) {
            throw new IdpUnavailableException("OAuth facade: identity provider " + idpIssuer + ": " + e.getMessage(),
                    e);
        }
    }

    /** The facade's issuer: the origin of the MCP URL. */
    public String issuer() {
        URI mcp = resource.get();
        return mcp.getScheme() + "://" + mcp.getRawAuthority();
    }

    /** The sidecar's own client at the IdP, e.g. for an {@code oauth delete-client} command. */
    public IdpClientManager idpClients() {
        return idpClients;
    }

    URI callbackUri() {
        return URI.create(issuer() + "/oauth/callback");
    }

    private IdpEndpoints endpoints() throws IOException {
        IdpEndpoints current = endpoints;
        if (current != null && endpointsFetched.plus(Duration.ofHours(1)).isAfter(clock.instant())) {
            return current;
        }
        try {
            current = IdpEndpoints.discover(idpIssuer, http);
            endpoints = current;
            endpointsFetched = clock.instant();
            return current;
        } catch (IOException e) {
            if (endpoints != null) {
                return endpoints;
            }
            throw e;
        }
    }

    // ---- metadata --------------------------------------------------------------------------------------------

    /** Serves RFC 8414 metadata at {@code /.well-known/oauth-authorization-server}; register under {@code /.well-known}. */
    public HttpService metadataService() {
        return rules -> rules.get("/oauth-authorization-server", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.header(HeaderNames.CACHE_CONTROL, "max-age=300");
            res.send(metadata().toString());
        });
    }

    JsonObject metadata() {
        String issuer = issuer();
        JsonArrayBuilder supported = Json.createArrayBuilder().add("openid");
        scopes.forEach(supported::add);
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/oauth/authorize")
                .add("token_endpoint", issuer + "/oauth/token")
                .add("registration_endpoint", issuer + "/oauth/register")
                .add("scopes_supported", supported)
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                        .add("refresh_token"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                .add("client_id_metadata_document_supported", true)
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }

    // ---- routes ----------------------------------------------------------------------------------------------

    @Override
    public void routing(HttpRules rules) {
        rules.get("/authorize", this::authorize)
                .post("/authorize", this::consentDecision)
                .get("/callback", this::callback)
                .post("/token", this::token)
                .post("/register", this::register);
    }

    /** An authorization request error to send back to the (validated) redirect URI. */
    private record Refusal(String error, String description) {
    }

    private void authorize(ServerRequest request, ServerResponse response) {
        Map<String, List<String>> params = parse(request.query().rawValue());
        String clientId = single(params, "client_id");
        String redirectUri = single(params, "redirect_uri");
        // RFC 6749 §4.1.3: the token request must repeat redirect_uri exactly when this request carried it
        boolean redirectUriGiven = redirectUri != null;
        if (clientId == null) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "The request names no client (client_id missing or "
                    + "repeated).");
            return;
        }
        ClientResolver.Client client;
        try {
            client = clients.resolve(clientId);
        } catch (ClientResolver.UnknownClient e) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "Unknown client: " + e.getMessage());
            return;
        }
        if (redirectUri == null && !params.containsKey("redirect_uri")
                && client.metadata().redirectUris().size() == 1) {
            redirectUri = client.metadata().redirectUris().get(0);
        }
        if (redirectUri == null || !RedirectUris.matches(redirectUri, client.metadata().redirectUris())) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "The redirect URI is missing or not registered for "
                    + "this client.");
            return;
        }
        String clientState = single(params, "state");
        Refusal refusal = checkRequest(params, clientState);
        if (refusal != null) {
            redirectError(response, redirectUri, refusal.error(), refusal.description(), clientState);
            return;
        }
        Set<String> requested = requestedScopes(single(params, "scope"));
        if (requested == null) {
            redirectError(response, redirectUri, "invalid_scope", "unknown scope requested", clientState);
            return;
        }
        String resourceParam = single(params, "resource");
        String consentId = Secrets.random();
        pending.save(new PendingAuthorizations.Pending(consentId, clientId, redirectUri, redirectUriGiven,
                clientState, single(params, "code_challenge"), String.join(" ", requested),
                resourceParam != null ? resourceParam : resource.get().toString(), Secrets.random(),
                clock.instant().plus(PENDING_TTL)));
        FacadePages.consent(response, consentId, client, redirectUri, List.copyOf(requested),
                cookie(consentId, consentId, PENDING_TTL));
    }

    private Refusal checkRequest(Map<String, List<String>> params, String clientState) {
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            if (entry.getValue().size() > 1) {
                return new Refusal("invalid_request", "parameter " + entry.getKey() + " is repeated");
            }
        }
        if (clientState == null || clientState.isEmpty()) {
            return new Refusal("invalid_request", "state is required");
        }
        if (!"code".equals(single(params, "response_type"))) {
            return new Refusal("unsupported_response_type", "only response_type=code is supported");
        }
        if (!"S256".equals(single(params, "code_challenge_method"))) {
            return new Refusal("invalid_request", "PKCE with code_challenge_method=S256 is required");
        }
        if (!Secrets.validChallenge(single(params, "code_challenge"))) {
            return new Refusal("invalid_request", "code_challenge is missing or malformed");
        }
        String resourceParam = single(params, "resource");
        if (resourceParam != null && !sameResource(resourceParam)) {
            return new Refusal("invalid_target", "this authorization server issues tokens for " + resource.get()
                    + " only");
        }
        return null;
    }

    /** RFC 8707 resource: the MCP URL, forgiving scheme/host case and a trailing slash. */
    boolean sameResource(String value) {
        try {
            URI asked = new URI(value);
            URI ours = resource.get();
            if (asked.getScheme() == null || asked.getRawAuthority() == null || asked.getRawFragment() != null) {
                return false;
            }
            String askedPath = asked.getRawPath() == null ? "" : asked.getRawPath();
            String ourPath = ours.getRawPath() == null ? "" : ours.getRawPath();
            return asked.getScheme().equalsIgnoreCase(ours.getScheme())
                    && asked.getRawAuthority().equalsIgnoreCase(ours.getRawAuthority())
                    && IdpEndpoints.strip(askedPath).equals(IdpEndpoints.strip(ourPath))
                    && asked.getRawQuery() == null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The plugin scopes asked for (openid kept), or null when an unknown scope is asked for. */
    private Set<String> requestedScopes(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope == null) {
            return out;
        }
        for (String item : scope.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (scopes.contains(item) || item.equals("openid")) {
                out.add(item);
            } else if (!TOLERATED_SCOPES.contains(item)) {
                return null;
            }
        }
        return out;
    }

    private void consentDecision(ServerRequest request, ServerResponse response) {
        Map<String, List<String>> form;
        try {
            form = parse(body(request));
        } catch (IOException e) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "The form could not be read.");
            return;
        }
        String consentId = single(form, "consent");
        String cookieValue = consentId == null || consentId.length() < 16 ? null
                : cookies(request).get(cookieName(consentId));
        if (consentId == null || !Secrets.constantTimeEquals(consentId, cookieValue)) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "This consent form does not belong to this browser "
                    + "session or has expired.");
            return;
        }
        Optional<PendingAuthorizations.Pending> taken = pending.take(consentId);
        if (taken.isEmpty() || taken.get().expiresAt().isBefore(clock.instant())) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "This authorization request has expired or was "
                    + "already answered.");
            return;
        }
        PendingAuthorizations.Pending request0 = taken.get();
        response.header(HeaderNames.SET_COOKIE, cookie(consentId, "", Duration.ZERO));
        if (!"allow".equals(single(form, "decision"))) {
            redirectError(response, request0.redirectUri(), "access_denied", "the user denied access",
                    request0.clientState());
            return;
        }
        IdpClients.Client client;
        IdpEndpoints idp;
        try {
            client = idpClients.current();
            idp = endpoints();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "OAuth facade: identity provider unavailable: " + e.getMessage());
            redirectError(response, request0.redirectUri(), "temporarily_unavailable",
                    "the identity provider is not reachable", request0.clientState());
            return;
        }
        String idpState = Secrets.random();
        pending.save(new PendingAuthorizations.Pending(idpState, request0.clientId(), request0.redirectUri(),
                request0.redirectUriGiven(), request0.clientState(), request0.codeChallenge(), request0.scope(),
                request0.resource(), request0.idpCodeVerifier(), clock.instant().plus(PENDING_TTL)));
        Set<String> idpScopes = new LinkedHashSet<>();
        idpScopes.add("openid");
        for (String scope : request0.scope().split(" ")) {
            if (!scope.isEmpty()) {
                idpScopes.add(scope);
            }
        }
        // offline_access is not requested: an IdP may list it in scopes_supported without allowing it for this
        // client (Keycloak then answers invalid_scope), and the code flow yields a refresh token without it.
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", callbackUri().toString());
        query.put("scope", String.join(" ", idpScopes));
        query.put("state", idpState);
        query.put("code_challenge", Secrets.s256(request0.idpCodeVerifier()));
        query.put("code_challenge_method", "S256");
        redirect(response, withQuery(idp.authorizationEndpoint().toString(), query));
    }

    private void callback(ServerRequest request, ServerResponse response) {
        Map<String, List<String>> params = parse(request.query().rawValue());
        String state = single(params, "state");
        Optional<PendingAuthorizations.Pending> taken = state == null ? Optional.empty() : pending.take(state);
        if (taken.isEmpty() || taken.get().expiresAt().isBefore(clock.instant())) {
            FacadePages.error(response, Status.BAD_REQUEST_400, "This sign-in answer is unknown, expired or was "
                    + "already used.");
            return;
        }
        PendingAuthorizations.Pending parked = taken.get();
        String iss = single(params, "iss");
        if (iss != null && !IdpEndpoints.strip(iss).equals(IdpEndpoints.strip(idpIssuer.toString()))) {
            redirectError(response, parked.redirectUri(), "server_error", "the identity provider's answer names "
                    + "another issuer", parked.clientState());
            return;
        }
        String error = single(params, "error");
        if (error != null) {
            String forwarded = Set.of("access_denied", "login_required", "consent_required", "interaction_required",
                    "temporarily_unavailable", "invalid_scope").contains(error) ? error : "server_error";
            redirectError(response, parked.redirectUri(), forwarded, "the identity provider answered " + forwarded,
                    parked.clientState());
            return;
        }
        String idpCode = single(params, "code");
        if (idpCode == null) {
            redirectError(response, parked.redirectUri(), "server_error", "the identity provider sent no code",
                    parked.clientState());
            return;
        }
        IdpClients.Client client = null;
        OAuthHttp.Response answer;
        try {
            client = idpClients.current();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", idpCode);
            form.put("redirect_uri", callbackUri().toString());
            form.put("code_verifier", parked.idpCodeVerifier());
            if (client.clientSecret() == null) {
                form.put("client_id", client.clientId());
            }
            answer = http.postForm(endpoints().tokenEndpoint(), IdpClientManager.authorization(client), form);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "OAuth facade: code exchange failed: " + e.getMessage());
            redirectError(response, parked.redirectUri(), "temporarily_unavailable",
                    "the identity provider is not reachable", parked.clientState());
            return;
        }
        Optional<JsonObject> tokens = answer.json();
        if (answer.status() != 200 || tokens.isEmpty() || tokens.get().getString("access_token", null) == null) {
            String idpError = answer.error();
            LOG.log(System.Logger.Level.WARNING, "OAuth facade: the identity provider refused the code exchange: HTTP "
                    + answer.status() + " " + idpError);
            if (rejectsClient(answer)) {
                idpClients.rejected(client);
            }
            redirectError(response, parked.redirectUri(), "server_error",
                    "the identity provider refused the code exchange", parked.clientState());
            return;
        }
        JsonObject json = tokens.get();
        Instant now = clock.instant();
        String code = Secrets.random();
        codes.save(code, new AuthorizationCodes.Code(parked.clientId(), parked.redirectUri(),
                parked.redirectUriGiven(), parked.codeChallenge(), json.getString("scope", parked.scope()),
                parked.resource(), subject(json), json.getString("access_token"),
                json.getString("refresh_token", null),
                now.plusSeconds(longValue(json, "expires_in", 300)), now.plus(config.codesTtl())));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("state", parked.clientState());
        query.put("iss", issuer());
        redirect(response, withQuery(parked.redirectUri(), query));
    }

    private static boolean rejectsClient(OAuthHttp.Response answer) {
        String error = answer.error();
        return answer.status() == 401 || error.equals("invalid_client") || error.equals("unauthorized_client");
    }

    // ---- token endpoint -----------------------------------------------------------------------------------------

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

    private void token(ServerRequest request, ServerResponse response) {
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
            case AuthorizationCodes.Redemption.Reused reused -> {
                // RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens issued from it
                int revoked = refreshTokens.revokeFamily(reused.familyId(), now.plus(DEFAULT_REFRESH_TTL));
                LOG.log(System.Logger.Level.WARNING, "OAuth facade: an authorization code was presented again; "
                        + "revoked the refresh tokens issued from it (" + revoked + " active)");
                throw TokenError.grant("the authorization code is invalid, expired or was already used");
            }
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
        if (resourceParam != null && !sameResource(resourceParam)) {
            throw new TokenError(Status.BAD_REQUEST_400, "invalid_target", "tokens are issued for "
                    + resource.get() + " only");
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
            case RefreshTokens.Use.Replayed replayed -> {
                // OAuth 2.1 §4.3.1, RFC 9700 §4.14.2: whoever replays, the chain's active token is revoked too
                int revoked = refreshTokens.revokeFamily(replayed.familyId(), now.plus(DEFAULT_REFRESH_TTL));
                LOG.log(System.Logger.Level.WARNING, "OAuth facade: a used refresh token was presented again; "
                        + "revoked its chain (" + revoked + " active)");
                throw TokenError.grant("the refresh token is invalid, expired or was already used");
            }
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
        OAuthHttp.Response answer;
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
            answer = http.postForm(endpoints().tokenEndpoint(), IdpClientManager.authorization(idpClient), request);
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

    // ---- registration ---------------------------------------------------------------------------------------

    private void register(ServerRequest request, ServerResponse response) {
        Optional<Duration> wait = registerLimit.acquire(request.remotePeer().host());
        if (wait.isPresent()) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            sendJson(response, Status.TOO_MANY_REQUESTS_429, Json.createObjectBuilder()
                    .add("error", "too_many_requests")
                    .add("error_description", "too many client registrations from this address").build());
            return;
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(body(request)))) {
            body = reader.readObject();
        } catch (IOException | JsonException | IllegalStateException e) {
            sendJson(response, Status.BAD_REQUEST_400, Json.createObjectBuilder().add("error",
                    "invalid_client_metadata").add("error_description", "the body must be a JSON object").build());
            return;
        }
        ClientMetadata metadata;
        try {
            metadata = ClientMetadata.parse(body, false);
        } catch (ClientMetadata.Invalid e) {
            sendJson(response, Status.BAD_REQUEST_400, Json.createObjectBuilder().add("error", e.error)
                    .add("error_description", e.getMessage()).build());
            return;
        }
        Instant now = clock.instant();
        String clientId = Secrets.random();
        JsonObject stored = metadata.toJson().build();
        registrations.save(new ClientRegistrations.Registration(clientId, stored, now, null));
        LOG.log(System.Logger.Level.INFO, () -> "OAuth facade: registered client " + clientId
                + (metadata.clientName() == null ? "" : " (" + metadata.clientName() + ")"));
        sendJson(response, Status.CREATED_201, metadata.toJson()
                .add("client_id", clientId)
                .add("client_id_issued_at", now.getEpochSecond())
                .build());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void redirectError(ServerResponse response, String redirectUri, String error, String description,
                               String clientState) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("error", error);
        query.put("error_description", description);
        if (clientState != null) {
            query.put("state", clientState);
        }
        query.put("iss", issuer());
        redirect(response, withQuery(redirectUri, query));
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.FOUND_302);
        response.header(HeaderNames.LOCATION, location);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send();
    }

    static String withQuery(String base, Map<String, String> query) {
        StringBuilder out = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            out.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    private static void sendJson(ServerResponse response, Status status, JsonObject body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.PRAGMA, "no-cache");
        response.send(body.toString());
    }

    private String cookie(String consentId, String value, Duration maxAge) {
        return cookieName(consentId) + "=" + value + "; Max-Age=" + maxAge.toSeconds() + "; Path=/oauth; HttpOnly; "
                + "SameSite=Strict" + (issuer().startsWith("https:") ? "; Secure" : "");
    }

    private static String cookieName(String consentId) {
        return COOKIE_PREFIX + consentId.substring(0, 12);
    }

    private static Map<String, String> cookies(ServerRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : request.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }

    private static String body(ServerRequest request) throws IOException {
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("the request body is larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Parses {@code application/x-www-form-urlencoded} (also a raw query string). */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // malformed escape: ignore the pair
            }
        }
        return out;
    }

    /** The one value of a parameter; null when absent, empty or repeated. */
    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static long longValue(JsonObject json, String name, long fallback) {
        try {
            return json.containsKey(name) ? json.getJsonNumber(name).longValue() : fallback;
        } catch (ClassCastException e) {
            return fallback;
        }
    }

    /** The user's subject from the ID token, else from a JWT access token; the tokens come straight from the IdP. */
    private static String subject(JsonObject tokens) {
        for (String name : List.of("id_token", "access_token")) {
            String token = tokens.getString(name, null);
            String[] parts = token == null ? new String[0] : token.split("\\.");
            if (parts.length == 3) {
                try (JsonReader reader = Json.createReader(new StringReader(new String(
                        Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                    String sub = reader.readObject().getString("sub", null);
                    if (sub != null) {
                        return sub;
                    }
                } catch (RuntimeException e) {
                    // not a readable JWT
                }
            }
        }
        return "unknown";
    }
}
