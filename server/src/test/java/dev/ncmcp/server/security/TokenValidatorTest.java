package dev.ncmcp.server.security;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.idp.IdpUnavailableException;
import dev.ncmcp.server.security.OAuthSettings.TokenValidation;
import dev.ncmcp.spi.Scope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Token validation against a hand-written IdP: JWTs, introspection, userinfo, caching, discovery. */
class TokenValidatorTest {
    static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static TestKeys rs256;
    private static TestKeys ps256;
    private static TestKeys es256;
    private static TestKeys rotated;

    private TestIdp idp;
    private MutableClock clock;

    @BeforeAll
    static void keys() {
        rs256 = TestKeys.rsa("rsa-1", "RS256");
        ps256 = TestKeys.rsa("rsa-pss", "PS256");
        es256 = TestKeys.ec("ec-1");
        rotated = TestKeys.rsa("rsa-2", "RS256");
    }

    @BeforeEach
    void startIdp() {
        idp = new TestIdp();
        idp.published.addAll(List.of(rs256, ps256, es256));
        clock = new MutableClock(START);
    }

    @AfterEach
    void stopIdp() {
        idp.close();
    }

    private OAuthSettings settings(TokenValidation mode, Duration cacheTtl) {
        return new OAuthSettings(List.of(idp.issuer()), List.of("mcp-sidecar"), TestIdp.CLIENT_ID,
                TestIdp.CLIENT_SECRET, mode, Duration.ofSeconds(30), cacheTtl, false, Set.of(), null);
    }

    private Tuning tuning() {
        return Tuning.defaults().withClock(clock)
                .withWarmUp(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(2));
    }

    private TokenValidator validator(OAuthSettings settings) {
        TokenValidator validator = TokenValidator.create(settings, () -> RESOURCE, tuning());
        clock.set(START.minusSeconds(31)); // started a while ago: the JWKS rate limit has passed
        validator.warmUp();
        clock.set(START);
        idp.resetCounts();
        return validator;
    }

    private TokenValidator validator() {
        return validator(settings(TokenValidation.AUTO, Duration.ofMinutes(1)));
    }

    private JsonObjectBuilder claims() {
        return JwtMinter.claims(idp.issuer().toString(), "mcp-sidecar", START);
    }

    private static String rejection(TokenValidator validator, String token) {
        return assertThrows(InvalidTokenException.class, () -> validator.validate(token)).getMessage();
    }

    // --- JWT ---

    @Test
    void validRs256TokenIsAccepted() throws Exception {
        String token = JwtMinter.sign(rs256, claims().build());
        ValidatedToken validated = validator().validate(token);
        assertThat(validated.subject(), is("f3a1-alice"));
        assertThat(validated.username(), is("alice"));
        assertThat(validated.scopes(), is(Set.of(Scope.OPENID, Scope.read("notes"), Scope.write("notes"))));
        assertThat(validated.rawScopes(), is(Set.of("openid", "notes:read", "notes.write")));
        assertThat(validated.expiresAt(), is(START.plusSeconds(300)));
        assertThat(validated.token(), is(token));
        assertThat(idp.total(), is(0));
    }

    @Test
    void validPs256TokenIsAccepted() throws Exception {
        assertThat(validator().validate(JwtMinter.sign(ps256, claims().build())).username(), is("alice"));
    }

    @Test
    void validEs256TokenIsAccepted() throws Exception {
        assertThat(validator().validate(JwtMinter.sign(es256, claims().build())).username(), is("alice"));
    }

    @Test
    void tokenExpiredBeyondTheSkewIsRejectedButWithinItAccepted() throws Exception {
        TokenValidator validator = validator();
        String justExpired = JwtMinter.sign(rs256, claims().add("exp", START.minusSeconds(10).getEpochSecond()).build());
        assertThat(validator.validate(justExpired).subject(), is("f3a1-alice"));
        String expired = JwtMinter.sign(rs256, claims().add("exp", START.minusSeconds(31).getEpochSecond()).build());
        assertThat(rejection(validator, expired), containsString("expired"));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        String token = JwtMinter.sign(rs256, claims().remove("exp").build());
        assertThat(rejection(validator(), token), containsString("no expiry"));
    }

    @Test
    void notYetValidTokenIsRejected() {
        TokenValidator validator = validator();
        String future = JwtMinter.sign(rs256, claims().add("nbf", START.plusSeconds(60).getEpochSecond()).build());
        assertThat(rejection(validator, future), containsString("not valid yet"));
        String issuedLater = JwtMinter.sign(rs256, claims().add("iat", START.plusSeconds(60).getEpochSecond()).build());
        assertThat(rejection(validator, issuedLater), containsString("future"));
    }

    @Test
    void wrongIssuerIsRejected() {
        String token = JwtMinter.sign(rs256, claims().add("iss", "https://evil.example/realms/test").build());
        assertThat(rejection(validator(), token), containsString("another issuer"));
    }

    @Test
    void wrongOrMissingAudienceIsRejected() {
        TokenValidator validator = validator();
        assertThat(rejection(validator, JwtMinter.sign(rs256, claims().add("aud", "nextcloud").build())),
                containsString("not meant for this resource"));
        assertThat(rejection(validator, JwtMinter.sign(rs256, claims().remove("aud").build())),
                containsString("not meant for this resource"));
        assertThat(rejection(validator, JwtMinter.sign(rs256, claims().add("aud", "https://mcp.example.com/other")
                .build())), containsString("not meant for this resource"));
    }

    @Test
    void audienceNamingTheResourceUrlIsAccepted() throws Exception {
        TokenValidator validator = validator();
        validator.validate(JwtMinter.sign(rs256, claims().add("aud", RESOURCE.toString()).build()));
        validator.validate(JwtMinter.sign(rs256, claims().add("aud", Json.createArrayBuilder().add("account")
                .add(RESOURCE + "/")).build()));
    }

    @Test
    void audienceNamingTheConfiguredClientIdIsAccepted() throws Exception {
        validator().validate(JwtMinter.sign(rs256, claims().add("aud", Json.createArrayBuilder().add("nextcloud")
                .add("mcp-sidecar")).build()));
    }

    @Test
    void tamperedPayloadFailsTheSignatureCheck() {
        String token = JwtMinter.sign(rs256, claims().build());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + JwtMinter.part(claims().add("preferred_username", "admin").build().toString())
                + "." + parts[2];
        assertThat(rejection(validator(), forged), containsString("signature is invalid"));
        String es = JwtMinter.sign(es256, claims().build());
        assertThat(rejection(validator(), es.substring(0, es.length() - 4) + "AAAA"), containsString("signature"));
    }

    @Test
    void algNoneAndHs256AreRejected() {
        TokenValidator validator = validator();
        assertThat(rejection(validator, JwtMinter.unsigned("rsa-1", claims().build())),
                containsString("algorithm is not accepted"));
        // the classic confusion attack: HMAC keyed with the RSA public key bytes
        String hs = JwtMinter.hs256("rsa-1", rs256.pair().getPublic().getEncoded(), claims().build());
        assertThat(rejection(validator, hs), containsString("algorithm is not accepted"));
    }

    @Test
    void algorithmNotMatchingTheKeyTypeIsRejected() {
        TokenValidator validator = validator();
        // header says ES256 but names an RSA key
        assertThat(rejection(validator, JwtMinter.sign("ES256", "rsa-1", rs256, claims().build())),
                containsString("does not match"));
        // header says RS256 for the key published as PS256
        assertThat(rejection(validator, JwtMinter.sign("RS256", "rsa-pss", ps256, claims().build())),
                containsString("does not match"));
    }

    @Test
    void unknownKidRefreshesTheJwksOnceThenSucceeds() throws Exception {
        TokenValidator validator = validator();
        idp.published.add(rotated);
        ValidatedToken validated = validator.validate(JwtMinter.sign(rotated, claims().build()));
        assertThat(validated.username(), is("alice"));
        assertThat(idp.count("jwks"), is(1));
    }

    @Test
    void aFloodOfUnknownKidsRefreshesAtMostOncePerInterval() {
        TokenValidator validator = validator();
        for (int i = 0; i < 50; i++) {
            rejection(validator, JwtMinter.sign("RS256", "garbage-" + i, rs256, claims().build()));
        }
        assertThat(idp.count("jwks"), is(1));
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 50; i++) {
            rejection(validator, JwtMinter.sign("RS256", "garbage-" + i, rs256, claims().build()));
        }
        assertThat(idp.count("jwks"), is(2));
    }

    @Test
    void concurrentUnknownKidsShareOneRefresh() throws Exception {
        TokenValidator validator = validator();
        idp.published.add(rotated);
        String token = JwtMinter.sign(rotated, claims().build());
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 20; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    validator.validate(token);
                    ok.incrementAndGet();
                } catch (InvalidTokenException e) {
                    // counted below
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ok.get(), is(20));
        assertThat(idp.count("jwks"), is(1));
    }

    @Test
    void keyRotatedInWithinTheRateLimitIsPickedUpAfterIt() throws Exception {
        TokenValidator validator = validator();
        rejection(validator, JwtMinter.sign("RS256", "garbage", rs256, claims().build()));
        idp.published.add(rotated);
        String token = JwtMinter.sign(rotated, claims().build());
        assertThat(rejection(validator, token), containsString("unknown key"));
        clock.advance(Duration.ofSeconds(31));
        assertThat(validator.validate(token).username(), is("alice"));
    }

    // --- introspection and userinfo ---

    private JsonObjectBuilder active() {
        return Json.createObjectBuilder().add("active", true).add("iss", idp.issuer().toString())
                .add("sub", "f3a1-alice").add("username", "alice").add("aud", "mcp-sidecar")
                .add("exp", START.plusSeconds(300).getEpochSecond()).add("scope", "openid notes:read");
    }

    @Test
    void opaqueTokenIsIntrospected() throws Exception {
        idp.introspection.put("opaque-1", active().build());
        ValidatedToken validated = validator().validate("opaque-1");
        assertThat(validated.subject(), is("f3a1-alice"));
        assertThat(validated.username(), is("alice"));
        assertThat(validated.scopes(), is(Set.of(Scope.OPENID, Scope.read("notes"))));
        assertThat(idp.count("introspect"), is(1));
    }

    @Test
    void inactiveOpaqueTokenIsRejected() {
        idp.introspection.put("opaque-2", Json.createObjectBuilder().add("active", false).build());
        assertThat(rejection(validator(), "opaque-2"), containsString("not active"));
        assertThat(rejection(validator(), "never-issued"), containsString("not active"));
    }

    @Test
    void introspectedTokenForAnotherAudienceOrIssuerIsRejected() {
        TokenValidator validator = validator();
        idp.introspection.put("other-aud", active().add("aud", "nextcloud").build());
        idp.introspection.put("other-iss", active().add("iss", "https://evil.example").build());
        idp.introspection.put("expired", active().add("exp", START.minusSeconds(60).getEpochSecond()).build());
        assertThat(rejection(validator, "other-aud"), containsString("not meant for this resource"));
        assertThat(rejection(validator, "other-iss"), containsString("another issuer"));
        assertThat(rejection(validator, "expired"), containsString("expired"));
    }

    @Test
    void revokedTokenIsSeenOnTheNextCallWhenCacheTtlIsZero() throws Exception {
        TokenValidator validator = validator(settings(TokenValidation.AUTO, Duration.ZERO));
        idp.introspection.put("opaque-3", active().build());
        validator.validate("opaque-3");
        idp.introspection.put("opaque-3", Json.createObjectBuilder().add("active", false).build());
        assertThat(rejection(validator, "opaque-3"), containsString("not active"));
        assertThat(idp.count("introspect"), is(2));
    }

    @Test
    void introspectionModeIntrospectsJwtsToo() throws Exception {
        TokenValidator validator = validator(settings(TokenValidation.INTROSPECTION, Duration.ZERO));
        String jwt = JwtMinter.sign(rs256, claims().build());
        assertThat(rejection(validator, jwt), containsString("not active"));
        idp.introspection.put(jwt, active().build());
        assertThat(validator.validate(jwt).username(), is("alice"));
        assertThat(idp.count("jwks"), is(0));
        assertThat(idp.count("introspect"), is(2));
    }

    @Test
    void jwtModeRejectsOpaqueTokensWithoutAskingTheIdp() {
        TokenValidator validator = validator(settings(TokenValidation.JWT, Duration.ofMinutes(1)));
        idp.introspection.put("opaque-4", active().build());
        assertThat(rejection(validator, "opaque-4"), containsString("not a JWT"));
        assertThat(idp.total(), is(0));
    }

    @Test
    void introspectionRefusingTheSidecarsCredentialsMeansTheIdpIsUnavailableNotTheTokenInvalid() {
        OAuthSettings wrongSecret = new OAuthSettings(List.of(idp.issuer()), List.of(), TestIdp.CLIENT_ID, "wrong",
                TokenValidation.AUTO, Duration.ZERO, Duration.ZERO, false, Set.of(), null);
        TokenValidator validator = validator(wrongSecret);
        idp.introspection.put("opaque-5", active().build());
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, () -> validator.validate("opaque-5"));
        assertThat(e.getMessage(), containsString("refused the sidecar's client credentials"));
        assertThat(e.getMessage(), not(containsString("wrong")));
    }

    @Test
    void idpAnsweringErrorsDuringIntrospectionIsUnavailable() {
        TokenValidator validator = validator();
        idp.available = false;
        assertThrows(IdpUnavailableException.class, () -> validator.validate("opaque-6"));
    }

    @Test
    void userinfoFallbackGrantsTheConfiguredScopes() throws Exception {
        idp.introspectionAdvertised = false;
        OAuthSettings settings = new OAuthSettings(List.of(idp.issuer()), List.of(), null, null,
                TokenValidation.AUTO, Duration.ZERO, Duration.ofMinutes(1), true, Set.of(Scope.read("notes")), null);
        TokenValidator validator = validator(settings);
        idp.userinfo.put("nc-token", Json.createObjectBuilder().add("sub", "alice").add("email", "a@x").build());
        ValidatedToken validated = validator.validate("nc-token");
        assertThat(validated.subject(), is("alice"));
        assertThat(validated.username(), is("alice"));
        assertThat(validated.scopes(), is(Set.of(Scope.read("notes"))));
        assertThat(validated.expiresAt(), is(nullValue()));
        // Nextcloud's oidc app answers a bad token with 400
        assertThat(rejection(validator, "bad-token"), containsString("does not accept"));
    }

    @Test
    void opaqueTokensAreRejectedWhenNeitherIntrospectionNorUserinfoIsPossible() {
        OAuthSettings settings = new OAuthSettings(List.of(idp.issuer()), List.of(), null, null,
                TokenValidation.AUTO, Duration.ZERO, Duration.ofMinutes(1), false, Set.of(), null);
        assertThat(rejection(validator(settings), "opaque"), containsString("only JWT"));
        assertThat(idp.total(), is(0));
    }

    @Test
    void introspectionModeWithoutAnyMeansFailsAtWarmUp() {
        OAuthSettings settings = new OAuthSettings(List.of(idp.issuer()), List.of(), null, null,
                TokenValidation.INTROSPECTION, Duration.ZERO, Duration.ofMinutes(1), false, Set.of(), null);
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> TokenValidator.create(settings, () -> RESOURCE, tuning()).warmUp());
        assertThat(e.getMessage(), containsString("no client id and secret"));
    }

    // --- scopes ---

    @Test
    void scopesComeFromScopeOrScpInEitherForm() throws Exception {
        TokenValidator validator = validator();
        ValidatedToken fromScp = validator.validate(JwtMinter.sign(rs256, claims().remove("scope")
                .add("scp", Json.createArrayBuilder().add("calendar.read").add("deck:write").add("profile"))
                .build()));
        assertThat(fromScp.scopes(), is(Set.of(Scope.read("calendar"), Scope.write("deck"))));
        assertThat(fromScp.rawScopes(), is(Set.of("calendar.read", "deck:write", "profile")));
        ValidatedToken none = validator.validate(JwtMinter.sign(rs256, claims().add("scope", "openid email")
                .build()));
        assertThat("openid grants only the connection tools, no application scope", none.scopes(),
                is(Set.of(Scope.OPENID)));
        assertThat(none.rawScopes(), is(Set.of("openid", "email")));
    }

    @Test
    void usernameFallsBackToSubject() throws Exception {
        ValidatedToken validated = validator().validate(JwtMinter.sign(rs256, claims().remove("preferred_username")
                .build()));
        assertThat(validated.username(), is("f3a1-alice"));
    }

    // --- caching ---

    @Test
    void secondValidationOfTheSameTokenMakesNoIdpCalls() throws Exception {
        TokenValidator validator = validator();
        idp.introspection.put("opaque-7", active().build());
        validator.validate("opaque-7");
        idp.published.add(rotated);
        validator.validate(JwtMinter.sign(rotated, claims().build()));
        int calls = idp.total();
        assertThat(calls, is(2));
        ValidatedToken again = validator.validate("opaque-7");
        validator.validate(JwtMinter.sign(rotated, claims().build()));
        assertThat(idp.total(), is(calls));
        assertThat(again.token(), is("opaque-7"));
    }

    @Test
    void cachedJwtNeverOutlivesItsExpiry() throws Exception {
        OAuthSettings noSkew = new OAuthSettings(List.of(idp.issuer()), List.of("mcp-sidecar"), null, null,
                TokenValidation.JWT, Duration.ZERO, Duration.ofHours(1), false, Set.of(), null);
        TokenValidator validator = validator(noSkew);
        String token = JwtMinter.sign(rs256, claims().add("exp", START.plusSeconds(60).getEpochSecond()).build());
        validator.validate(token);
        clock.advance(Duration.ofSeconds(59));
        validator.validate(token);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rejection(validator, token), containsString("expired"));
        assertThat(validator.cache().size(), is(0));
    }

    @Test
    void introspectionResultsAreCachedForAtMostCacheTtlAndNeverPastExp() throws Exception {
        TokenValidator validator = validator(settings(TokenValidation.AUTO, Duration.ofSeconds(60)));
        idp.introspection.put("long", active().add("exp", START.plusSeconds(3600).getEpochSecond()).build());
        idp.introspection.put("short", active().add("exp", START.plusSeconds(10).getEpochSecond()).build());
        validator.validate("long");
        validator.validate("short");
        clock.advance(Duration.ofSeconds(11));
        validator.validate("long");
        assertThat(idp.count("introspect"), is(2));
        validator.validate("short"); // cache entry gone at exp; the skew still accepts it at the IdP
        assertThat(idp.count("introspect"), is(3));
        clock.advance(Duration.ofSeconds(50));
        validator.validate("long");
        assertThat(idp.count("introspect"), is(4));
    }

    @Test
    void theCacheIsKeyedByAHashNeverTheToken() throws Exception {
        TokenValidator validator = validator();
        String token = JwtMinter.sign(rs256, claims().build());
        validator.validate(token);
        assertThat(validator.cache().keys(), is(Set.of(TokenCache.key(token))));
        assertThat(validator.cache().keys().stream().allMatch(k -> k.matches("[0-9a-f]{64}")), is(true));
        assertThat(validator.cache().keys().contains(token), is(false));
    }

    @Test
    void theCacheIsBoundedAndEvictsTheOldestEntry() throws Exception {
        TokenCache cache = new TokenCache(clock, 2);
        ValidatedToken validated = new ValidatedToken("s", "u", Set.of(), Set.of(), START.plusSeconds(60), null);
        cache.put("a", validated, Instant.MAX);
        cache.put("b", validated, Instant.MAX);
        cache.put("c", validated, Instant.MAX);
        assertThat(cache.get("a"), is(nullValue()));
        assertThat(cache.get("c").token(), is("c"));
        assertThat(cache.size(), is(2));
    }

    @Test
    void failedValidationsAreNotCached() {
        TokenValidator validator = validator();
        rejection(validator, "opaque-unknown");
        rejection(validator, "opaque-unknown");
        assertThat(idp.count("introspect"), is(2));
        assertThat(validator.cache().size(), is(0));
    }

    @Test
    void neitherToStringNorErrorsShowTheToken() {
        String token = JwtMinter.sign(rs256, claims().add("aud", "nextcloud").build());
        assertThat(rejection(validator(), token), not(containsString(token.substring(0, 20))));
        ValidatedToken validated = new ValidatedToken("s", "u", Set.of(), Set.of(), null, "secret-token-value");
        assertThat(validated.toString(), not(containsString("secret-token-value")));
        OAuthSettings settings = settings(TokenValidation.AUTO, Duration.ZERO);
        assertThat(settings.toString(), not(containsString(TestIdp.CLIENT_SECRET)));
    }

    // --- discovery ---

    @Test
    void metadataComesFromDiscovery() {
        IdpMetadata metadata = validator().metadata();
        assertThat(metadata.issuer(), is(idp.issuer()));
        assertThat(metadata.jwksUri(), is(URI.create(idp.issuer() + "/certs")));
        assertThat(metadata.tokenEndpoint(), is(URI.create(idp.issuer() + "/token")));
        assertThat(metadata.introspectionEndpoint(), is(URI.create(idp.issuer() + "/introspect")));
        assertThat(metadata.userinfoEndpoint(), is(URI.create(idp.issuer() + "/userinfo")));
        assertThat(metadata.registrationEndpoint().toString(), containsString("clients-registrations"));
        assertThat(metadata.grantTypesSupported().contains("urn:ietf:params:oauth:grant-type:token-exchange"),
                is(true));
        assertThat(idp.total(), is(0));
    }

    @Test
    void discoveryFallsBackToRfc8414() {
        idp.openidDiscovery = false;
        TokenValidator validator = TokenValidator.create(settings(TokenValidation.AUTO, Duration.ZERO),
                () -> RESOURCE, tuning());
        validator.warmUp();
        assertThat(validator.metadata().tokenEndpoint(), is(URI.create(idp.issuer() + "/token")));
        assertThat(idp.count("oauth-authorization-server"), is(1));
    }

    @Test
    void discoveryNamingAnotherIssuerFailsAtOnce() {
        idp.claimedIssuer = "https://evil.example/realms/test";
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> TokenValidator.create(settings(TokenValidation.AUTO, Duration.ZERO), () -> RESOURCE, tuning())
                        .warmUp());
        assertThat(e.getMessage(), containsString(idp.issuer().toString()));
        assertThat(e.getMessage(), containsString("https://evil.example/realms/test"));
        assertThat(idp.count("openid-configuration"), is(1));
    }

    @Test
    void warmUpRetriesUntilTheIdpIsUp() throws Exception {
        idp.available = false;
        TokenValidator validator = TokenValidator.create(settings(TokenValidation.AUTO, Duration.ZERO),
                () -> RESOURCE, Tuning.defaults().withWarmUp(Duration.ofMillis(50), Duration.ofMillis(200),
                        Duration.ofSeconds(10)));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            idp.available = true;
        });
        validator.warmUp();
        assertThat(idp.count("openid-configuration") > 1, is(true));
        assertThat(idp.count("jwks"), is(1));
    }

    @Test
    void warmUpFailsNamingTheIssuerWhenTheIdpStaysDown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI issuer = URI.create("http://127.0.0.1:" + port + "/realms/gone");
        OAuthSettings settings = new OAuthSettings(List.of(issuer), List.of(), null, null, TokenValidation.AUTO,
                null, null, false, Set.of(), null);
        long started = System.nanoTime();
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> TokenValidator.create(settings, () -> RESOURCE, Tuning.defaults()
                        .withWarmUp(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(500))).warmUp());
        assertThat(e.getMessage(), containsString(issuer.toString()));
        assertThat(e.getMessage(), containsString("not reachable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, is(true));
    }

    @Test
    void validatingBeforeWarmUpFetchesMetadataLazily() throws Exception {
        TokenValidator validator = TokenValidator.create(settings(TokenValidation.AUTO, Duration.ZERO),
                () -> RESOURCE, tuning());
        assertThat(validator.validate(JwtMinter.sign(es256, claims().build())).username(), is("alice"));
    }

    @Test
    void jwksUnreachableIsUnavailableNotInvalid() {
        TokenValidator validator = TokenValidator.create(settings(TokenValidation.AUTO, Duration.ZERO),
                () -> RESOURCE, tuning());
        validator.metadata();
        idp.available = false;
        assertThrows(IdpUnavailableException.class, () -> validator.validate(JwtMinter.sign(rs256, claims().build())));
    }

    @Test
    void jwtShapeIsThreeBase64UrlPartsWithAJsonHeader() {
        assertThat(JwtValidator.parse(JwtMinter.sign(rs256, claims().build())) != null, is(true));
        assertThat(JwtValidator.parse("a.b.c"), is(nullValue()));
        assertThat(JwtValidator.parse("opaque"), is(nullValue()));
        assertThat(JwtValidator.parse(JwtMinter.part("{\"alg\":\"RS256\"}") + ".e30.x.y"), is(nullValue()));
        JsonObject header = JwtValidator.parse(JwtMinter.part("{\"alg\":\"RS256\"}") + ".e30.").header();
        assertThat(header.getString("alg"), is("RS256"));
    }
}
