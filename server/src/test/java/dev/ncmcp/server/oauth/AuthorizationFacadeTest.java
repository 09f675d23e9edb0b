package dev.ncmcp.server.oauth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ncmcp.server.oauth.FacadeHarness.CLIENT_REDIRECT;
import static dev.ncmcp.server.oauth.FacadeHarness.json;
import static dev.ncmcp.server.oauth.FacadeHarness.query;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The facade's endpoints with a static IdP client: metadata, authorize, callback, token, register. */
class AuthorizationFacadeTest {
    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";

    private static FakeIdp idp;
    private static FacadeHarness facade;

    @BeforeAll
    static void start() throws Exception {
        idp = new FakeIdp();
        facade = FacadeHarness.staticClient(idp);
    }

    @AfterAll
    static void stop() {
        facade.close();
        idp.close();
    }

    @Test
    void metadataAdvertisesPkceS256CimdAndIss() {
        HttpResponse<String> response = facade.get(facade.base() + "/.well-known/oauth-authorization-server", null);
        assertThat(response.statusCode(), is(200));
        JsonObject metadata = json(response);
        assertThat(metadata.getString("issuer"), is(facade.base()));
        assertThat(metadata.getString("authorization_endpoint"), is(facade.base() + "/oauth/authorize"));
        assertThat(metadata.getString("token_endpoint"), is(facade.base() + "/oauth/token"));
        assertThat(metadata.getString("registration_endpoint"), is(facade.base() + "/oauth/register"));
        assertThat(metadata.getJsonArray("code_challenge_methods_supported").toString(), is("[\"S256\"]"));
        assertThat(metadata.getBoolean("client_id_metadata_document_supported"), is(true));
        assertThat(metadata.getBoolean("authorization_response_iss_parameter_supported"), is(true));
        assertThat(metadata.getJsonArray("scopes_supported").toString(), is("[\"openid\",\"notes:read\",\"notes:write\"]"));
        assertThat(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString(), is("[\"none\"]"));
    }

    @Test
    void fullCodeFlowThenRefreshRotates() {
        String client = facade.register(CLIENT_REDIRECT);
        URI idpRequest = facade.consentAndGoToIdp(facade.authorizeUrl(client, CLIENT_REDIRECT, VERIFIER, "st-1"));
        assertThat(idpRequest.toString(), startsWith(idp.issuer() + "/auth?"));
        Map<String, String> toIdp = query(idpRequest.toString());
        assertThat(toIdp.get("client_id"), is(FakeIdp.STATIC_ID));
        assertThat(toIdp.get("redirect_uri"), is(facade.base() + "/oauth/callback"));
        assertThat(toIdp.get("code_challenge_method"), is("S256"));
        assertThat(toIdp.get("scope"), is("openid notes:read"));
        assertThat(toIdp.get("state"), not(is("st-1")));

        String idpCode = idp.approve(idpRequest);
        HttpResponse<String> back = facade.get(facade.base() + "/oauth/callback?code=" + idpCode + "&state="
                + toIdp.get("state") + "&iss=" + idp.issuer(), null);
        assertThat(back.statusCode(), is(302));
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location, startsWith(CLIENT_REDIRECT + "?"));
        Map<String, String> answer = query(location);
        assertThat(answer.get("state"), is("st-1"));
        assertThat(answer.get("iss"), is(facade.base()));
        assertThat(answer.get("code"), not(is(idpCode)));

        HttpResponse<String> tokens = facade.redeem(client, answer.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat(tokens.body(), tokens.statusCode(), is(200));
        assertThat(tokens.headers().firstValue("Cache-Control").orElse(""), is("no-store"));
        JsonObject issued = json(tokens);
        assertThat(issued.getString("access_token"), startsWith("idp-access-"));
        assertThat(issued.getString("token_type"), is("Bearer"));
        assertThat(issued.getString("scope"), is("openid notes:read"));
        String refresh = issued.getString("refresh_token");
        assertThat("the client never sees the IdP's refresh token", refresh, not(startsWith("idp-refresh-")));

        HttpResponse<String> refreshed = facade.token(refreshForm(client, refresh));
        assertThat(refreshed.body(), refreshed.statusCode(), is(200));
        JsonObject second = json(refreshed);
        assertThat(second.getString("access_token"), not(is(issued.getString("access_token"))));
        assertThat(second.getString("refresh_token"), not(is(refresh)));

        HttpResponse<String> third = facade.token(refreshForm(client, second.getString("refresh_token")));
        assertThat(third.body(), third.statusCode(), is(200));
        assertThat(json(third).getString("refresh_token"), not(is(second.getString("refresh_token"))));
    }

    @Test
    void aReplayedRefreshTokenRevokesItsChain() {
        String client = facade.register(CLIENT_REDIRECT);
        String refresh1 = json(facade.redeem(client, facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s")
                .get("code"), CLIENT_REDIRECT, VERIFIER)).getString("refresh_token");
        String other = json(facade.redeem(client, facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s")
                .get("code"), CLIENT_REDIRECT, VERIFIER)).getString("refresh_token");
        HttpResponse<String> first = facade.token(refreshForm(client, refresh1));
        assertThat(first.body(), first.statusCode(), is(200));
        String refresh2 = json(first).getString("refresh_token");

        HttpResponse<String> replay = facade.token(refreshForm(client, refresh1));
        assertThat(replay.statusCode(), is(400));
        assertThat(json(replay).getString("error"), is("invalid_grant"));
        HttpResponse<String> revoked = facade.token(refreshForm(client, refresh2));
        assertThat("the active token of the replayed chain is revoked", revoked.statusCode(), is(400));
        assertThat(json(revoked).getString("error"), is("invalid_grant"));
        HttpResponse<String> untouched = facade.token(refreshForm(client, other));
        assertThat("another chain of the same client is not: " + untouched.body(), untouched.statusCode(), is(200));
    }

    @Test
    void aReusedCodeRevokesTheRefreshTokenIssuedAtItsFirstUse() {
        String client = facade.register(CLIENT_REDIRECT);
        String code = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s").get("code");
        HttpResponse<String> tokens = facade.redeem(client, code, CLIENT_REDIRECT, VERIFIER);
        assertThat(tokens.body(), tokens.statusCode(), is(200));
        String refresh1 = json(tokens).getString("refresh_token");
        String refresh2 = json(facade.token(refreshForm(client, refresh1))).getString("refresh_token");

        HttpResponse<String> again = facade.redeem(client, code, CLIENT_REDIRECT, VERIFIER);
        assertThat(again.statusCode(), is(400));
        assertThat(json(again).getString("error"), is("invalid_grant"));
        HttpResponse<String> revoked = facade.token(refreshForm(client, refresh2));
        assertThat("the chain started by the code is revoked", revoked.statusCode(), is(400));
        assertThat(json(revoked).getString("error"), is("invalid_grant"));
    }

    @Test
    void redirectUriIsRequiredAtTheTokenEndpointExactlyWhenTheAuthorizationRequestHadIt() {
        String client = facade.register(CLIENT_REDIRECT);
        String withoutRedirect = facade.authorizeUrl(client, CLIENT_REDIRECT, VERIFIER, "s")
                .replaceAll("&redirect_uri=[^&]*", "");
        assertThat(withoutRedirect, not(containsString("redirect_uri")));

        Map<String, String> defaulted = facade.authorize(withoutRedirect);
        assertThat(defaulted.get("location"), startsWith(CLIENT_REDIRECT + "?"));
        HttpResponse<String> none = facade.redeem(client, defaulted.get("code"), null, VERIFIER);
        assertThat("neither request names it (RFC 6749 §4.1.3): " + none.body(), none.statusCode(), is(200));

        Map<String, String> defaultedThenNamed = facade.authorize(withoutRedirect);
        HttpResponse<String> named = facade.redeem(client, defaultedThenNamed.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat("naming the (only) registered URI anyway: " + named.body(), named.statusCode(), is(200));

        Map<String, String> defaultedThenOther = facade.authorize(withoutRedirect);
        HttpResponse<String> other = facade.redeem(client, defaultedThenOther.get("code"),
                "http://127.0.0.1:33333/other", VERIFIER);
        assertThat("naming another URI", other.statusCode(), is(400));
        assertThat(json(other).getString("error"), is("invalid_grant"));

        Map<String, String> given = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s");
        HttpResponse<String> omitted = facade.redeem(client, given.get("code"), null, VERIFIER);
        assertThat("the authorization request had it, the token request not", omitted.statusCode(), is(400));
        assertThat(json(omitted).getString("error"), is("invalid_grant"));
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        String client = facade.register(CLIENT_REDIRECT);
        Map<String, String> answer = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s");
        HttpResponse<String> response = facade.redeem(client, answer.get("code"), CLIENT_REDIRECT,
                VERIFIER.replace('v', 'w'));
        assertThat(response.statusCode(), is(400));
        assertThat(json(response).getString("error"), is("invalid_grant"));
        assertThat(json(response).getString("error_description"), containsString("code_verifier"));
    }

    @Test
    void reusedCodeIsInvalidGrant() {
        String client = facade.register(CLIENT_REDIRECT);
        Map<String, String> answer = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s");
        assertThat(facade.redeem(client, answer.get("code"), CLIENT_REDIRECT, VERIFIER).statusCode(), is(200));
        HttpResponse<String> again = facade.redeem(client, answer.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat(again.statusCode(), is(400));
        assertThat(json(again).getString("error"), is("invalid_grant"));
    }

    @Test
    void mismatchedRedirectIsInvalidGrant() {
        String client = facade.register(CLIENT_REDIRECT, "http://127.0.0.1:33333/other");
        Map<String, String> answer = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s");
        HttpResponse<String> response = facade.redeem(client, answer.get("code"), "http://127.0.0.1:33333/other",
                VERIFIER);
        assertThat(response.statusCode(), is(400));
        assertThat(json(response).getString("error"), is("invalid_grant"));
    }

    @Test
    void codeIssuedToAnotherClientIsInvalidGrant() {
        String a = facade.register(CLIENT_REDIRECT);
        String b = facade.register(CLIENT_REDIRECT);
        Map<String, String> answer = facade.authorize(a, CLIENT_REDIRECT, VERIFIER, "s");
        HttpResponse<String> response = facade.redeem(b, answer.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat(response.statusCode(), is(400));
        assertThat(json(response).getString("error"), is("invalid_grant"));
        HttpResponse<String> unknown = facade.redeem("nobody", answer.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat(unknown.statusCode(), is(401));
        assertThat(json(unknown).getString("error"), is("invalid_client"));
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        String client = facade.register(CLIENT_REDIRECT);
        Map<String, String> answer = facade.authorize(client, CLIENT_REDIRECT, VERIFIER, "s");
        facade.clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> response = facade.redeem(client, answer.get("code"), CLIENT_REDIRECT, VERIFIER);
        assertThat(response.statusCode(), is(400));
        assertThat(json(response).getString("error"), is("invalid_grant"));
    }

    @Test
    void refreshTokenOfAnotherClientIsRefused() {
        String a = facade.register(CLIENT_REDIRECT);
        String b = facade.register(CLIENT_REDIRECT);
        Map<String, String> answer = facade.authorize(a, CLIENT_REDIRECT, VERIFIER, "s");
        String refresh = json(facade.redeem(a, answer.get("code"), CLIENT_REDIRECT, VERIFIER))
                .getString("refresh_token");
        HttpResponse<String> stolen = facade.token(refreshForm(b, refresh));
        assertThat(stolen.statusCode(), is(400));
        assertThat(json(stolen).getString("error"), is("invalid_grant"));
    }

    @Test
    void loopbackRedirectMayUseAnyPort() {
        String client = facade.register("http://127.0.0.1:1/callback");
        Map<String, String> answer = facade.authorize(client, "http://127.0.0.1:45678/callback", VERIFIER, "s");
        assertThat(answer.get("location"), startsWith("http://127.0.0.1:45678/callback?"));
        assertThat(facade.redeem(client, answer.get("code"), "http://127.0.0.1:45678/callback", VERIFIER)
                .statusCode(), is(200));
    }

    @Test
    void unregisteredRedirectGetsAnErrorPageNotARedirect() {
        String client = facade.register("https://app.example/cb");
        HttpResponse<String> response = facade.get(facade.authorizeUrl(client, "https://evil.example/cb", VERIFIER,
                "s"), null);
        assertThat(response.statusCode(), is(400));
        assertThat(response.headers().firstValue("Location").isPresent(), is(false));
        assertThat(response.body(), containsString("redirect URI"));
        HttpResponse<String> unknown = facade.get(facade.authorizeUrl("no-such-client", CLIENT_REDIRECT, VERIFIER,
                "s"), null);
        assertThat(unknown.statusCode(), is(400));
        assertThat(unknown.headers().firstValue("Location").isPresent(), is(false));
    }

    @Test
    void missingStatePlainPkceAndForeignResourceAreRedirectedErrors() {
        String client = facade.register(CLIENT_REDIRECT);
        String url = facade.authorizeUrl(client, CLIENT_REDIRECT, VERIFIER, "s");
        Map<String, String> noState = redirected(url.replace("&state=s", ""));
        assertThat(noState.get("error"), is("invalid_request"));
        assertThat(noState.get("iss"), is(facade.base()));
        Map<String, String> plain = redirected(url.replace("code_challenge_method=S256", "code_challenge_method=plain"));
        assertThat(plain.get("error"), is("invalid_request"));
        assertThat(plain.get("state"), is("s"));
        Map<String, String> noPkce = redirected(url.replaceAll("&code_challenge=[^&]*", ""));
        assertThat(noPkce.get("error"), is("invalid_request"));
        Map<String, String> foreign = redirected(url.replaceAll("&resource=[^&]*", "&resource=https%3A%2F%2Fother"));
        assertThat(foreign.get("error"), is("invalid_target"));
        Map<String, String> scope = redirected(url.replace("scope=notes%3Aread", "scope=admin"));
        assertThat(scope.get("error"), is("invalid_scope"));
    }

    private Map<String, String> redirected(String url) {
        HttpResponse<String> response = facade.get(url, null);
        assertThat(response.body(), response.statusCode(), is(302));
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location, startsWith(CLIENT_REDIRECT + "?"));
        return query(location);
    }

    @Test
    void consentNeedsTheBrowsersCookieAndDenyIsAccessDenied() {
        String client = facade.register(CLIENT_REDIRECT);
        HttpResponse<String> page = facade.get(facade.authorizeUrl(client, CLIENT_REDIRECT, VERIFIER, "s"), null);
        assertThat(page.headers().firstValue("X-Frame-Options").orElse(""), is("DENY"));
        assertThat(page.body(), containsString("Test client"));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String consent = cookie.substring(cookie.indexOf('=') + 1);
        HttpResponse<String> forged = facade.post("/oauth/authorize", "application/x-www-form-urlencoded",
                "consent=" + consent + "&decision=allow", null);
        assertThat("a cross-site POST without the cookie is refused", forged.statusCode(), is(400));
        HttpResponse<String> denied = facade.post("/oauth/authorize", "application/x-www-form-urlencoded",
                "consent=" + consent + "&decision=deny", cookie);
        assertThat(denied.statusCode(), is(302));
        Map<String, String> answer = query(denied.headers().firstValue("Location").orElseThrow());
        assertThat(answer.get("error"), is("access_denied"));
        assertThat(answer.get("state"), is("s"));
    }

    @Test
    void callbackWithUnknownStateIsAnErrorPage() {
        HttpResponse<String> response = facade.get(facade.base() + "/oauth/callback?code=x&state=unknown", null);
        assertThat(response.statusCode(), is(400));
        assertThat(response.headers().firstValue("Location").isPresent(), is(false));
    }

    @Test
    void unsupportedGrantTypeAndNonFormBodies() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        HttpResponse<String> response = facade.token(form);
        assertThat(response.statusCode(), is(400));
        assertThat(json(response).getString("error"), is("unsupported_grant_type"));
        HttpResponse<String> json = facade.post("/oauth/token", "application/json", "{}", null);
        assertThat(json(json).getString("error"), is("invalid_request"));
    }

    @Test
    void registrationValidatesRedirectUrisAndGrantTypes() {
        HttpResponse<String> http = facade.post("/oauth/register", "application/json",
                "{\"redirect_uris\":[\"http://app.example/cb\"]}", null);
        assertThat(http.statusCode(), is(400));
        assertThat(json(http).getString("error"), is("invalid_redirect_uri"));
        HttpResponse<String> none = facade.post("/oauth/register", "application/json", "{}", null);
        assertThat(json(none).getString("error"), is("invalid_redirect_uri"));
        HttpResponse<String> grants = facade.post("/oauth/register", "application/json",
                "{\"redirect_uris\":[\"https://app.example/cb\"],\"grant_types\":[\"client_credentials\"]}", null);
        assertThat(json(grants).getString("error"), is("invalid_client_metadata"));
        HttpResponse<String> garbage = facade.post("/oauth/register", "application/json", "not json", null);
        assertThat(garbage.statusCode(), is(400));
    }

    @Test
    void clientMetadataDocumentIsFetchedAndChecked() {
        String id = "https://app.example/oauth/client.json";
        facade.documents.put(id, new MetadataFetcher.Fetched(Json.createObjectBuilder()
                .add("client_id", id).add("client_name", "CIMD app")
                .add("redirect_uris", Json.createArrayBuilder().add(CLIENT_REDIRECT)).build().toString(), null));
        Map<String, String> answer = facade.authorize(id, CLIENT_REDIRECT, VERIFIER, "s");
        assertThat(facade.redeem(id, answer.get("code"), CLIENT_REDIRECT, VERIFIER).statusCode(), is(200));

        String liar = "https://app.example/oauth/liar.json";
        facade.documents.put(liar, new MetadataFetcher.Fetched(Json.createObjectBuilder()
                .add("client_id", "https://other.example/x.json").add("client_name", "Liar")
                .add("redirect_uris", Json.createArrayBuilder().add(CLIENT_REDIRECT)).build().toString(), null));
        HttpResponse<String> refused = facade.get(facade.authorizeUrl(liar, CLIENT_REDIRECT, VERIFIER, "s"), null);
        assertThat(refused.statusCode(), is(400));
        assertThat(refused.body(), containsString("client_id"));
        HttpResponse<String> insecure = facade.get(facade.authorizeUrl("http://app.example/c.json", CLIENT_REDIRECT,
                VERIFIER, "s"), null);
        assertThat(insecure.statusCode(), is(400));
    }

    private static Map<String, String> refreshForm(String client, String refresh) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", client);
        form.put("refresh_token", refresh);
        return form;
    }
}
