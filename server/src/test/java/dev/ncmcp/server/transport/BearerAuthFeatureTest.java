package dev.ncmcp.server.transport;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.security.BearerCallers;
import dev.ncmcp.server.security.Challenges;
import dev.ncmcp.server.security.JwtMinter;
import dev.ncmcp.server.security.OAuthSettings;
import dev.ncmcp.server.security.ScopeFormat;
import dev.ncmcp.server.security.TestIdp;
import dev.ncmcp.server.security.TestKeys;
import dev.ncmcp.server.security.TokenValidator;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The MCP endpoint behind {@link BearerAuthFeature} with OAuth callers ({@link BearerCallers}): 401 challenges,
 * 503 when the IdP is down, the caller.
 */
@RoutingTest
class BearerAuthFeatureTest {
    private static final URI RESOURCE = URI.create("http://mcp.test/mcp");
    private static final String METADATA = "http://mcp.test/.well-known/oauth-protected-resource/mcp";
    private static final TestKeys KEYS = TestKeys.ec("ec-feature");
    private static final TestIdp IDP = new TestIdp();

    static {
        IDP.published.add(KEYS);
    }

    private final Http1Client client;

    BearerAuthFeatureTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        OAuthSettings settings = new OAuthSettings(List.of(IDP.issuer()), List.of("mcp-sidecar"), TestIdp.CLIENT_ID,
                TestIdp.CLIENT_SECRET, OAuthSettings.TokenValidation.AUTO, Duration.ofSeconds(30), Duration.ZERO,
                false, Set.of(), null);
        TokenValidator validator = TokenValidator.create(settings, () -> RESOURCE);
        Challenges challenges = new Challenges(() -> URI.create(METADATA), new ScopeFormat(':'),
                Set.of(Scope.read("notes"), Scope.write("notes")));
        routing.addFeature(new OriginCheck(List.of("http://localhost"), List.of("*")))
                .addFeature(new BearerAuthFeature(new BearerCallers(validator, challenges)))
                .get("/.well-known/oauth-protected-resource/mcp", (req, res) -> res.send("{}"))
                .get("/observe/health", (req, res) -> res.send("UP"))
                .get("/unprotected", (req, res) -> {
                    try {
                        BearerAuthFeature.caller(req);
                        res.send("resolved");
                    } catch (IllegalStateException e) {
                        res.send(e.getMessage());
                    }
                })
                .post("/mcp", (req, res) -> {
                    AuthenticatedCaller authenticated = BearerAuthFeature.caller(req);
                    Caller caller = authenticated.caller();
                    res.send(caller.subject() + "|" + caller.nextcloudUser() + "|" + caller.grantedScopes()
                            + "|" + authenticated.bearerToken().isPresent());
                });
    }

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    private Http1ClientResponse post(Map<String, String> headers) {
        Http1ClientRequest request = client.post("/mcp");
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        return request.submit("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    }

    private static String challenge(Http1ClientResponse response) {
        return response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse("(none)");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String validToken() {
        return JwtMinter.sign(KEYS, JwtMinter.claims(IDP.issuer().toString(), RESOURCE.toString(), Instant.now())
                .build());
    }

    @Test
    void missingTokenIs401WithAChallengeNamingMetadataAndScopes() {
        try (Http1ClientResponse response = post(Map.of())) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
            assertThat(challenge(response), is("Bearer resource_metadata=\"" + METADATA
                    + "\", scope=\"notes:read notes:write\""));
            JsonObject body = json(response.as(String.class));
            assertThat(body.getString("jsonrpc"), is("2.0"));
            assertThat("the request was not read, so its id is unknown", body.isNull("id"), is(true));
            assertThat(body.getJsonObject("error").getInt("code"), is(-32600));
        }
    }

    @Test
    void anotherSchemeCountsAsMissing() {
        try (Http1ClientResponse response = post(Map.of("Authorization", "Basic YWxpY2U6cHc="))) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
            assertThat(challenge(response), not(containsString("error=")));
        }
    }

    @Test
    void invalidTokenIs401InvalidToken() {
        String forged = JwtMinter.sign(KEYS, JwtMinter.claims(IDP.issuer().toString(), "somebody-else",
                Instant.now()).build());
        try (Http1ClientResponse response = post(Map.of("Authorization", "Bearer " + forged))) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
            assertThat(challenge(response), is("Bearer error=\"invalid_token\", error_description=\"The token is not "
                    + "meant for this resource (audience " + RESOURCE + ")\", resource_metadata=\"" + METADATA
                    + "\", scope=\"notes:read notes:write\""));
            String body = response.as(String.class);
            assertThat(body, not(containsString(forged)));
            assertThat(json(body).getJsonObject("error").getString("message"), containsString("not meant for"));
        }
    }

    @Test
    void malformedTokenIs401InvalidToken() {
        try (Http1ClientResponse response = post(Map.of("Authorization", "Bearer a\"b"))) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
            assertThat(challenge(response), containsString("error=\"invalid_token\""));
        }
    }

    @Test
    void validTokenReachesTheHandlerWithTheCaller() {
        try (Http1ClientResponse response = post(Map.of("Authorization", "bearer " + validToken()))) {
            assertThat(response.status(), is(Status.OK_200));
            String body = response.as(String.class);
            assertThat(body, containsString("f3a1-alice|alice|"));
            assertThat(body, containsString("notes:read"));
            assertThat(body, containsString("notes:write"));
            assertThat(body, containsString("|true"));
        }
    }

    @Test
    void wellKnownAndObserveAreNotProtected() {
        try (Http1ClientResponse response = client.get("/.well-known/oauth-protected-resource/mcp").request()) {
            assertThat(response.status(), is(Status.OK_200));
        }
        try (Http1ClientResponse response = client.get("/observe/health").request()) {
            assertThat(response.status(), is(Status.OK_200));
        }
    }

    @Test
    void originCheckRunsBeforeAuthentication() {
        try (Http1ClientResponse response = post(Map.of("Origin", "https://evil.example"))) {
            assertThat(response.status(), is(Status.FORBIDDEN_403));
        }
    }

    @Test
    void unreachableIdpIs503NotA401() {
        IDP.available = false;
        try (Http1ClientResponse response = post(Map.of("Authorization", "Bearer opaque-while-down"))) {
            assertThat(response.status(), is(Status.SERVICE_UNAVAILABLE_503));
            assertThat(response.headers().contains(HeaderNames.WWW_AUTHENTICATE), is(false));
            assertThat(json(response.as(String.class)).getJsonObject("error").getString("message"),
                    containsString("identity provider is unavailable"));
        } finally {
            IDP.available = true;
        }
    }

    @Test
    void onlyTheMcpPathIsProtected() {
        assertThat(BearerAuthFeature.isProtected("/mcp"), is(true));
        assertThat(BearerAuthFeature.isProtected("/mcp/sub"), is(true));
        assertThat(BearerAuthFeature.isProtected("/mcpx"), is(false));
        assertThat(BearerAuthFeature.isProtected("/.well-known/oauth-protected-resource/mcp"), is(false));
        assertThat(BearerAuthFeature.bearerToken(Optional.of("Bearer   abc ")), is(Optional.of("abc")));
        assertThat(BearerAuthFeature.bearerToken(Optional.of("Bearer")), is(Optional.empty()));
        assertThat(BearerAuthFeature.bearerToken(Optional.of("Basic abc")), is(Optional.empty()));
    }

    @Test
    void callersWithoutTheFilterInFrontIsAProgrammingError() {
        try (Http1ClientResponse response = client.get("/unprotected").request()) {
            assertThat(response.as(String.class), containsString("BearerAuthFeature is not in front"));
        }
    }
}
