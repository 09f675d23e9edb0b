package dev.ncmcp.server.oauth;

import dev.ncmcp.server.config.FacadeConfig;
import dev.ncmcp.server.idp.Discovery;
import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.store.AuthorizationCodes;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.PendingAuthorizations;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.server.oauth.FacadeHttp.parse;
import static dev.ncmcp.server.oauth.FacadeHttp.redirect;
import static dev.ncmcp.server.oauth.FacadeHttp.single;
import static dev.ncmcp.server.oauth.FacadeHttp.withQuery;
import static dev.ncmcp.server.oauth.IdpAnswers.longValue;
import static dev.ncmcp.server.oauth.IdpAnswers.rejectsClient;
import static dev.ncmcp.server.oauth.IdpAnswers.subject;

/**
 * {@code GET /oauth/callback}: the identity provider's answer. Checks state and issuer, exchanges the IdP's code
 * server-side, keeps the IdP's tokens behind a one-time code of our own and sends the browser back to the client
 * with that code, its state and our issuer.
 */
final class CallbackEndpoint {
    private static final System.Logger LOG = System.getLogger(CallbackEndpoint.class.getName());

    private final FacadeConfig config;
    private final URI idpIssuer;
    private final FacadeSite site;
    private final PendingAuthorizations pending;
    private final AuthorizationCodes codes;
    private final IdpClientManager idpClients;
    private final IdpEndpoints idpEndpoints;
    private final IdpHttp http;
    private final Clock clock;

    CallbackEndpoint(FacadeConfig config, URI idpIssuer, FacadeSite site, PendingAuthorizations pending,
                     AuthorizationCodes codes, IdpClientManager idpClients, IdpEndpoints idpEndpoints,
                     IdpHttp http, Clock clock) {
        this.config = config;
        this.idpIssuer = idpIssuer;
        this.site = site;
        this.pending = pending;
        this.codes = codes;
        this.idpClients = idpClients;
        this.idpEndpoints = idpEndpoints;
        this.http = http;
        this.clock = clock;
    }

    void callback(ServerRequest request, ServerResponse response) {
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
        if (iss != null && !Discovery.sameIssuer(iss, idpIssuer.toString())) {
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
        IdpHttp.Response answer;
        try {
            client = idpClients.current();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", idpCode);
            form.put("redirect_uri", site.callbackUri().toString());
            form.put("code_verifier", parked.idpCodeVerifier());
            if (client.clientSecret() == null) {
                form.put("client_id", client.clientId());
            }
            answer = http.postForm(idpEndpoints.get().tokenEndpoint(), IdpClientManager.authorization(client), form);
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
        query.put("iss", site.issuer());
        redirect(response, withQuery(parked.redirectUri(), query));
    }

    private void redirectError(ServerResponse response, String redirectUri, String error, String description,
                               String clientState) {
        FacadeHttp.redirectError(response, site.issuer(), redirectUri, error, description, clientState);
    }
}
