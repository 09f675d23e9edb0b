package dev.ncmcp.server.oauth;

import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.PendingAuthorizations;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.server.oauth.FacadeHttp.body;
import static dev.ncmcp.server.oauth.FacadeHttp.parse;
import static dev.ncmcp.server.oauth.FacadeHttp.redirect;
import static dev.ncmcp.server.oauth.FacadeHttp.single;
import static dev.ncmcp.server.oauth.FacadeHttp.withQuery;

/**
 * {@code GET /oauth/authorize} checks the client's request (client, redirect URI, state, PKCE, resource, scopes) and
 * shows the consent page; {@code POST /oauth/authorize} takes the user's decision and, on allow, sends the browser
 * to the identity provider with the sidecar's own client. Errors before the redirect URI is trusted are HTML pages;
 * after that they go back to the client as redirects.
 */
final class AuthorizeEndpoint {
    private static final System.Logger LOG = System.getLogger(AuthorizeEndpoint.class.getName());
    static final Duration PENDING_TTL = Duration.ofMinutes(10);
    static final String COOKIE_PREFIX = "ncmcp_consent_";
    /** Scopes a client may ask for besides the plugin scopes; only openid is passed on. */
    private static final Set<String> TOLERATED_SCOPES = Set.of("openid", "profile", "email", "offline_access");

    private final FacadeSite site;
    private final List<String> scopes;
    private final ClientResolver clients;
    private final PendingAuthorizations pending;
    private final IdpClientManager idpClients;
    private final IdpEndpoints idpEndpoints;
    private final Clock clock;

    AuthorizeEndpoint(FacadeSite site, List<String> scopes, ClientResolver clients, PendingAuthorizations pending,
                      IdpClientManager idpClients, IdpEndpoints idpEndpoints, Clock clock) {
        this.site = site;
        this.scopes = List.copyOf(scopes);
        this.clients = clients;
        this.pending = pending;
        this.idpClients = idpClients;
        this.idpEndpoints = idpEndpoints;
        this.clock = clock;
    }

    /** An authorization request error to send back to the (validated) redirect URI. */
    private record Refusal(String error, String description) {
    }

    void authorize(ServerRequest request, ServerResponse response) {
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
                resourceParam != null ? resourceParam : site.resource().toString(), Secrets.random(),
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
        if (resourceParam != null && !site.sameResource(resourceParam)) {
            return new Refusal("invalid_target", "this authorization server issues tokens for " + site.resource()
                    + " only");
        }
        return null;
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

    void consentDecision(ServerRequest request, ServerResponse response) {
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
        IdpMetadata idp;
        try {
            client = idpClients.current();
            idp = idpEndpoints.get();
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
        query.put("redirect_uri", site.callbackUri().toString());
        query.put("scope", String.join(" ", idpScopes));
        query.put("state", idpState);
        query.put("code_challenge", Secrets.s256(request0.idpCodeVerifier()));
        query.put("code_challenge_method", "S256");
        redirect(response, withQuery(idp.authorizationEndpoint().toString(), query));
    }

    private void redirectError(ServerResponse response, String redirectUri, String error, String description,
                               String clientState) {
        FacadeHttp.redirectError(response, site.issuer(), redirectUri, error, description, clientState);
    }

    private String cookie(String consentId, String value, Duration maxAge) {
        return cookieName(consentId) + "=" + value + "; Max-Age=" + maxAge.toSeconds() + "; Path=/oauth; HttpOnly; "
                + "SameSite=Strict" + (site.issuer().startsWith("https:") ? "; Secure" : "");
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
}
