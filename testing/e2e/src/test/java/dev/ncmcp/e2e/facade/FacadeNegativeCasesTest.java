package dev.ncmcp.e2e.facade;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.e2e.oauth.OAuthEnvironment;
import dev.ncmcp.testkit.Keycloak;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorization-server facade's token endpoint and registration endpoint refusing what they must refuse, against
 * a real Keycloak (static sidecar client {@value Keycloak#SIDECAR_CLIENT}), driven from Java over plain HTTP: every
 * test gets a fresh one-time code through the full flow (registration → authorize with PKCE S256 → sidecar consent →
 * Keycloak login → callback → redirect to the loopback redirect URI) and then misuses it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FacadeNegativeCasesTest {

    /** Registrations per minute per IP: low, so that a small flood hits the limit. Two are used by the setup. */
    static final int REGISTER_RATE = 3;

    private SidecarProcess sidecar;
    private FacadeFlow flow;
    private String redirectA;
    private String clientA;
    private String redirectB;
    private String clientB;

    @BeforeAll
    void start() {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        sidecar = FacadeSidecars.start(keycloak, true, "OAUTH_FACADE_REGISTER_RATE", Integer.toString(REGISTER_RATE));
        flow = new FacadeFlow(sidecar.url());
        redirectA = FacadeFlow.loopbackRedirect();
        redirectB = FacadeFlow.loopbackRedirect();
        clientA = flow.register("ncmcp facade negative cases A", redirectA);
        clientB = flow.register("ncmcp facade negative cases B", redirectB);
    }

    @AfterAll
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    private String context() {
        return "\n--- sidecar output (end) ---\n" + FacadeSidecars.tail(sidecar.output(), 40);
    }

    private void assertError(FacadeFlow.Reply reply, Set<Integer> statuses, Set<String> errors, String what) {
        assertTrue(statuses.contains(reply.status()), what + ": expected HTTP " + statuses + ", got " + reply
                + context());
        JsonObject json = reply.json();
        assertTrue(errors.contains(json.getString("error", "")), what + ": expected error " + errors + ", got "
                + json);
        assertFalse(json.containsKey("access_token"), what + ": a token came back: " + json);
        assertEquals("no-store", reply.header("cache-control").orElse(null), what + ": Cache-Control");
    }

    private void assertInvalidGrant(FacadeFlow.Reply reply, String what) {
        assertError(reply, Set.of(400), Set.of("invalid_grant"), what);
    }

    private JsonObject assertTokens(FacadeFlow.Reply reply, String what) {
        assertEquals(200, reply.status(), what + ": " + reply + context());
        JsonObject json = reply.json();
        assertNotNull(json.getString("access_token", null), what + ": no access_token in " + json);
        assertEquals("Bearer", json.getString("token_type", null), what + ": token_type");
        assertEquals("no-store", reply.header("cache-control").orElse(null), what + ": Cache-Control");
        return json;
    }

    @Test
    void theAuthorizationResponseCarriesStateAndTheFacadeIssuer() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        assertEquals(flow.base(), a.iss(), "iss in the authorization response: " + a.redirectParams());
        assertTrue(a.sawLogin(), "the Keycloak login form was not shown");
        assertEquals(Set.of("code", "state", "iss"), a.redirectParams().keySet(), "redirect parameters");
    }

    @Test
    void aWrongCodeVerifierIsInvalidGrant() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        String wrong = FacadeFlow.randomVerifier();
        assertNotEquals(a.verifier(), wrong);
        assertInvalidGrant(flow.redeem(a.code(), a.clientId(), a.redirectUri(), wrong), "wrong code_verifier");
    }

    @Test
    void aMalformedCodeVerifierIsRefused() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        // The S256 challenge itself (43 valid characters, but not the verifier) and a too-short verifier.
        assertInvalidGrant(flow.redeem(a.code(), a.clientId(), a.redirectUri(), FacadeFlow.s256(a.verifier())),
                "the challenge sent as verifier");
        FacadeFlow.Authorization b = flow.authorize(clientA, redirectA);
        FacadeFlow.Reply shortVerifier = flow.redeem(b.code(), b.clientId(), b.redirectUri(), "short");
        assertError(shortVerifier, Set.of(400), Set.of("invalid_grant", "invalid_request"), "a 5-character verifier");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        assertTokens(flow.redeem(a), "first redemption");
        assertInvalidGrant(flow.redeem(a), "second redemption of the same code");
    }

    @Test
    void aMismatchedRedirectUriIsInvalidGrant() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        String otherPath = a.redirectUri().replace("/callback", "/elsewhere");
        assertInvalidGrant(flow.redeem(a.code(), a.clientId(), otherPath, a.verifier()), "another redirect_uri path");

        FacadeFlow.Authorization b = flow.authorize(clientA, redirectA);
        URI registered = URI.create(b.redirectUri());
        String otherPort = "http://127.0.0.1:" + (registered.getPort() == 65000 ? 65001 : 65000) + "/callback";
        assertInvalidGrant(flow.redeem(b.code(), b.clientId(), otherPort, b.verifier()), "another loopback port");

        FacadeFlow.Authorization c = flow.authorize(clientA, redirectA);
        assertInvalidGrant(flow.redeem(c.code(), c.clientId(), null, c.verifier()), "no redirect_uri although the "
                + "authorization request had one");
    }

    @Test
    void aCodeOfClientARedeemedByClientBIsRefused() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        // B presents everything A would (A's verifier and redirect URI) except its own client id.
        FacadeFlow.Reply reply = flow.redeem(a.code(), clientB, a.redirectUri(), a.verifier());
        assertError(reply, Set.of(400, 401), Set.of("invalid_grant", "invalid_client"), "client B redeeming A's code");
        // ... and with B's own redirect URI.
        FacadeFlow.Authorization a2 = flow.authorize(clientA, redirectA);
        assertError(flow.redeem(a2.code(), clientB, redirectB, a2.verifier()), Set.of(400, 401),
                Set.of("invalid_grant", "invalid_client"), "client B with its own redirect URI");
    }

    @Test
    void anUnknownClientIdAtTheTokenEndpointIsInvalidClient() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        assertError(flow.redeem(a.code(), "no-such-client", a.redirectUri(), a.verifier()), Set.of(400, 401),
                Set.of("invalid_client", "invalid_grant"), "unknown client_id");
    }

    @Test
    void aCorrectRedemptionGivesATokenThatWorksAtMcpAndARefreshToken() {
        FacadeFlow.Reply anonymous = flow.toolsList(null);
        assertEquals(401, anonymous.status(), "tools/list without a token: " + anonymous);

        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        JsonObject tokens = assertTokens(flow.redeem(a), "redemption");
        String refresh = tokens.getString("refresh_token", null);
        assertNotNull(refresh, "no refresh_token: " + tokens);
        assertNotEquals(3, refresh.split("\\.").length, "the client got a JWT refresh token (Keycloak's?)");
        assertTrue(tokens.getJsonNumber("expires_in").longValue() > 0, "expires_in: " + tokens);

        JsonObject claims = Keycloak.jwtClaims(tokens.getString("access_token"));
        assertEquals(OAuthEnvironment.keycloak().issuer(), claims.getString("iss"), "access token issuer");
        assertEquals(Keycloak.USER, claims.getString("preferred_username", null), "access token user");

        List<String> tools = FacadeFlow.toolNames(flow.toolsList(tokens.getString("access_token")));
        assertTrue(tools.contains("nc_notes_list_notes"), "tools/list with the facade's token: " + tools);

        FacadeFlow.Reply bogus = flow.toolsList(tokens.getString("access_token") + "x");
        assertEquals(401, bogus.status(), "tools/list with a tampered token: " + bogus);
    }

    @Test
    void aRefreshTokenWorksOnlyOnce() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        JsonObject first = assertTokens(flow.redeem(a), "redemption");
        String refresh1 = first.getString("refresh_token");

        JsonObject second = assertTokens(flow.refresh(refresh1, clientA), "first refresh");
        String refresh2 = second.getString("refresh_token", null);
        assertNotNull(refresh2, "the refresh answered no new refresh token: " + second);
        assertNotEquals(refresh1, refresh2, "the refresh token was not rotated");
        assertTrue(FacadeFlow.toolNames(flow.toolsList(second.getString("access_token")))
                .contains("nc_notes_list_notes"), "tools/list with the refreshed token");

        assertInvalidGrant(flow.refresh(refresh1, clientA), "the old refresh token used again");
    }

    @Test
    void theRotatedRefreshTokenKeepsWorking() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        String refresh1 = assertTokens(flow.redeem(a), "redemption").getString("refresh_token");
        String refresh2 = assertTokens(flow.refresh(refresh1, clientA), "first refresh").getString("refresh_token");
        String refresh3 = assertTokens(flow.refresh(refresh2, clientA), "second refresh")
                .getString("refresh_token", null);
        assertNotNull(refresh3, "no refresh token in the second refresh");
        assertNotEquals(refresh2, refresh3, "the second refresh did not rotate");
        assertInvalidGrant(flow.refresh(refresh2, clientA), "the second refresh token used again");
    }

    /**
     * OAuth 2.1 (draft §4.3.1) and RFC 9700 §4.14.2: when a rotated refresh token is replayed the server revokes the
     * active refresh token of that chain (it cannot tell the attacker from the client); RFC 6749 §4.1.2: a reused
     * code SHOULD revoke the tokens issued for it.
     */
    @Test
    void aReplayedRefreshTokenRevokesItsChain() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        String refresh1 = assertTokens(flow.redeem(a), "redemption").getString("refresh_token");
        String refresh2 = assertTokens(flow.refresh(refresh1, clientA), "first refresh").getString("refresh_token");
        FacadeFlow.Authorization other = flow.authorize(clientA, redirectA);
        String otherChain = assertTokens(flow.redeem(other), "redemption of another code")
                .getString("refresh_token");
        assertInvalidGrant(flow.refresh(refresh1, clientA), "replay of the rotated refresh token");
        assertInvalidGrant(flow.refresh(refresh2, clientA), "the active refresh token of the replayed chain");
        assertTokens(flow.refresh(otherChain, clientA), "the refresh token of another chain of the same client");
    }

    @Test
    void aReusedCodeRevokesTheRefreshTokenIssuedAtItsFirstUse() {
        FacadeFlow.Authorization b = flow.authorize(clientA, redirectA);
        String refreshB = assertTokens(flow.redeem(b), "redemption").getString("refresh_token");
        assertInvalidGrant(flow.redeem(b), "code reuse");
        assertInvalidGrant(flow.refresh(refreshB, clientA), "the refresh token issued at the code's first use");
    }

    @Test
    void aLoopbackRedirectUriMayUseAnotherPortAndMustBeRepeatedExactly() {
        URI registered = URI.create(redirectA);
        String otherPort = "http://127.0.0.1:" + (registered.getPort() == 65000 ? 65001 : 65000) + "/callback";
        FacadeFlow.Authorization a = flow.authorize(clientA, otherPort);
        assertInvalidGrant(flow.redeem(a.code(), a.clientId(), redirectA, a.verifier()),
                "the registered port instead of the one in the authorization request");
        FacadeFlow.Authorization b = flow.authorize(clientA, otherPort);
        assertTokens(flow.redeem(b), "redemption with the port of the authorization request (RFC 8252 §7.3)");
    }

    /**
     * RFC 6749 §4.1.3: redirect_uri is REQUIRED in the token request only "if the redirect_uri parameter was included
     * in the authorization request". The facade accepts an authorization request without it (a client with one
     * registered URI), so the matching token request without it must work too.
     */
    @Test
    void noRedirectUriInEitherRequestWhenTheClientRegisteredOne() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA, false);
        assertEquals(flow.base(), a.iss(), "iss");
        assertTokens(flow.redeem(a.code(), a.clientId(), null, a.verifier()),
                "token request without redirect_uri after an authorization request without it");
    }

    @Test
    void anExpiredCodeIsInvalidGrant() throws InterruptedException {
        try (SidecarProcess shortCodes = FacadeSidecars.start(OAuthEnvironment.keycloak(), true,
                "OAUTH_FACADE_CODES_TTL", "5")) {
            FacadeFlow quick = new FacadeFlow(shortCodes.url());
            String redirect = FacadeFlow.loopbackRedirect();
            String client = quick.register("ncmcp facade expiry", redirect);
            FacadeFlow.Authorization a = quick.authorize(client, redirect);
            Thread.sleep(6_500);
            assertInvalidGrant(quick.redeem(a), "a code redeemed after oauth.facade.codes.ttl=5s");
            FacadeFlow.Authorization b = quick.authorize(client, redirect);
            assertTokens(quick.redeem(b), "a code redeemed at once (same sidecar)");
        }
    }

    @Test
    void aRefreshTokenOfClientAIsRefusedForClientB() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        String refresh = assertTokens(flow.redeem(a), "redemption").getString("refresh_token");
        assertError(flow.refresh(refresh, clientB), Set.of(400, 401), Set.of("invalid_grant", "invalid_client"),
                "client B using A's refresh token");
    }

    @Test
    void theConsentFormNeedsTheCookieOfTheBrowserThatGotIt() {
        Map<String, String> query = new LinkedHashMap<>();
        String verifier = FacadeFlow.randomVerifier();
        query.put("response_type", "code");
        query.put("client_id", clientA);
        query.put("redirect_uri", redirectA);
        query.put("state", "s-" + FacadeFlow.randomVerifier());
        query.put("code_challenge", FacadeFlow.s256(verifier));
        query.put("code_challenge_method", "S256");
        String url = flow.metadata().getString("authorization_endpoint") + "?" + FacadeFlow.formBody(query);
        FacadeFlow.Browser victim = flow.new Browser();
        FacadeFlow.Reply page = victim.request(url, null);
        assertEquals(200, page.status(), "consent page: " + page);
        FacadeFlow.Form consent = FacadeFlow.forms(page.body()).stream().filter(f -> f.has("consent")).findFirst()
                .orElseThrow(() -> new AssertionError("no consent form: " + page));
        String consentId = consent.fields().stream().filter(f -> f.name().equals("consent")).findFirst()
                .orElseThrow().value();
        FacadeFlow.Browser attacker = flow.new Browser();
        FacadeFlow.Reply forged = attacker.request(URI.create(url).resolve(consent.action()).toString(),
                FacadeFlow.formBody(Map.of("consent", consentId, "decision", "allow")));
        assertEquals(400, forged.status(), "consent POST without the cookie: " + forged);
        assertTrue(forged.header("location").isEmpty(), "the forged consent redirected: " + forged);
    }

    @Test
    void authorizationRequestsWithoutPkceS256OrStateAreRefused() {
        for (Map.Entry<String, String> drop : List.of(Map.entry("code_challenge_method", "plain"),
                Map.entry("code_challenge", ""), Map.entry("state", ""))) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientA);
            query.put("redirect_uri", redirectA);
            query.put("state", "s-" + FacadeFlow.randomVerifier());
            query.put("code_challenge", FacadeFlow.s256(FacadeFlow.randomVerifier()));
            query.put("code_challenge_method", "S256");
            if (drop.getValue().isEmpty()) {
                query.remove(drop.getKey());
            } else {
                query.put(drop.getKey(), drop.getValue());
            }
            FacadeFlow.Reply reply = flow.send(HttpRequest.newBuilder(URI.create(flow.metadata()
                            .getString("authorization_endpoint") + "?" + FacadeFlow.formBody(query)))
                    .timeout(Duration.ofSeconds(30)).GET().build());
            String what = drop.getValue().isEmpty() ? "without " + drop.getKey() : drop.getKey() + "="
                    + drop.getValue();
            assertEquals(302, reply.status(), what + ": " + reply);
            String location = reply.header("location").orElseThrow();
            assertTrue(location.startsWith(redirectA + "?"), what + ": redirected to " + location);
            Map<String, String> params = FacadeFlow.query(URI.create(location));
            assertEquals("invalid_request", params.get("error"), what + ": " + params);
            assertEquals(flow.base(), params.get("iss"), what + ": iss");
            assertFalse(params.containsKey("code"), what + ": a code came back");
        }
    }

    @Test
    void theSidecarCallbackWorksOnlyOnce() {
        FacadeFlow.Authorization a = flow.authorize(clientA, redirectA);
        FacadeFlow.Browser replayer = flow.new Browser();
        FacadeFlow.Reply replay = replayer.request(a.callbackUrl(), null);
        assertEquals(400, replay.status(), "the callback URL replayed: " + replay);
        assertTrue(replay.header("location").isEmpty(), "the replayed callback redirected: " + replay);
        assertTokens(flow.redeem(a), "the original code still works");
    }

    @Test
    void denyingConsentSendsAccessDenied() {
        Map<String, String> query = new LinkedHashMap<>();
        String state = "s-" + FacadeFlow.randomVerifier();
        query.put("response_type", "code");
        query.put("client_id", clientA);
        query.put("redirect_uri", redirectA);
        query.put("state", state);
        query.put("code_challenge", FacadeFlow.s256(FacadeFlow.randomVerifier()));
        query.put("code_challenge_method", "S256");
        String url = flow.metadata().getString("authorization_endpoint") + "?" + FacadeFlow.formBody(query);
        FacadeFlow.Browser user = flow.new Browser();
        FacadeFlow.Reply page = user.request(url, null);
        assertEquals(200, page.status(), "consent page: " + page);
        FacadeFlow.Form consent = FacadeFlow.forms(page.body()).stream().filter(f -> f.has("consent")).findFirst()
                .orElseThrow(() -> new AssertionError("no consent form: " + page));
        String consentId = consent.fields().stream().filter(f -> f.name().equals("consent")).findFirst()
                .orElseThrow().value();
        String action = URI.create(url).resolve(consent.action()).toString();
        FacadeFlow.Reply denied = user.request(action, FacadeFlow.formBody(Map.of("consent", consentId, "decision",
                "deny")));
        assertEquals(302, denied.status(), "deny: " + denied);
        Map<String, String> params = FacadeFlow.query(URI.create(denied.header("location").orElseThrow()));
        assertEquals("access_denied", params.get("error"), "deny: " + params);
        assertEquals(state, params.get("state"), "deny: state");
        assertEquals(flow.base(), params.get("iss"), "deny: iss");
        FacadeFlow.Reply again = user.request(action, FacadeFlow.formBody(Map.of("consent", consentId, "decision",
                "allow")));
        assertEquals(400, again.status(), "allowing after denying: " + again);
    }

    @Test
    void floodingRegistrationGets429WithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        FacadeFlow.Reply limited = null;
        for (int i = 0; i < REGISTER_RATE + 5 && limited == null; i++) {
            FacadeFlow.Reply reply = flow.registerRaw("flood " + i, FacadeFlow.loopbackRedirect());
            statuses.add(reply.status());
            if (reply.status() == 429) {
                limited = reply;
            } else if (reply.status() != 201) {
                fail("registration " + i + " answered neither 201 nor 429: " + reply);
            }
        }
        assertNotNull(limited, "no 429 after " + statuses.size() + " registrations at " + REGISTER_RATE
                + "/min: " + statuses);
        String retryAfter = limited.header("retry-after").orElse(null);
        assertNotNull(retryAfter, "429 without Retry-After: " + limited);
        assertTrue(retryAfter.matches("\\d+") && Long.parseLong(retryAfter) >= 1
                        && Long.parseLong(retryAfter) <= 60, "Retry-After: " + retryAfter);
        assertEquals("too_many_requests", limited.json().getString("error", null), "429 body: " + limited);
        // The limit is per registration endpoint only: the already registered clients still authorize.
        assertNotNull(flow.authorize(clientB, redirectB).code());
    }
}
