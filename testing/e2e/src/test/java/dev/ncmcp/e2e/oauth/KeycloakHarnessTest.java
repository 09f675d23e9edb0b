package dev.ncmcp.e2e.oauth;

import dev.ncmcp.testkit.Keycloak;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak harness itself: the realm generated from the sidecar's plugin scopes issues the tokens the
 * resource-server tests rely on (audience, scopes, issuer, kid, lifespan, revocation).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KeycloakHarnessTest {

    static Keycloak keycloak;
    static List<String> scopes;

    @BeforeAll
    static void start() {
        scopes = OAuthEnvironment.discovered().scopes();
        keycloak = OAuthEnvironment.keycloak();
        System.out.println("[oauth] Keycloak build " + keycloak.buildTime().toMillis() + " ms (0 = already built), "
                + "start-to-ready " + keycloak.readyTime().toMillis() + " ms");
    }

    @Test
    void everyPluginScopeCanBeRequestedAndPutsTheSidecarIntoTheAudience() {
        String token = OAuthEnvironment.aliceToken("openid " + String.join(" ", scopes));
        JsonObject claims = Keycloak.jwtClaims(token);
        assertEquals(keycloak.issuer(), claims.getString("iss"));
        assertTrue(audience(claims).contains(Keycloak.SIDECAR_CLIENT), claims.toString());
        assertTrue(OAuthEnvironment.grantedScopes(token).containsAll(scopes), claims.getString("scope"));
    }

    @Test
    void aSidecarTokenWithoutPluginScopesDoesNotNameTheSidecarAsAudience() {
        String token = keycloak.passwordGrant(Keycloak.SIDECAR_CLIENT, Keycloak.SIDECAR_SECRET, Keycloak.USER,
                Keycloak.PASSWORD, "openid").getString("access_token");
        JsonObject claims = Keycloak.jwtClaims(token);
        assertFalse(audience(claims).contains(Keycloak.SIDECAR_CLIENT), claims.toString());
    }

    @Test
    void theOtherRealmIssuesTokensWithItsOwnIssuerAndKey() {
        String token = keycloak.passwordGrant(Keycloak.OTHER_REALM, Keycloak.CLI_CLIENT, null, Keycloak.USER,
                Keycloak.PASSWORD, "openid " + scopes.getFirst()).getString("access_token");
        assertEquals(keycloak.issuer(Keycloak.OTHER_REALM), Keycloak.jwtClaims(token).getString("iss"));
        assertNotEquals(keycloak.activeKid(Keycloak.REALM), Keycloak.jwtHeader(token).getString("kid"));
    }

    @Test
    void introspectionWithTheSidecarCredentialsSeesKeycloakTokensAndRejectsGarbage() {
        String token = OAuthEnvironment.aliceToken("openid " + scopes.getFirst());
        JsonObject active = keycloak.introspect(token);
        assertTrue(active.getBoolean("active"), active.toString());
        assertFalse(keycloak.introspect("garbage-" + System.nanoTime()).getBoolean("active"));
    }

    @Test
    void aRevokedTokenIntrospectsAsInactive() {
        String token = OAuthEnvironment.aliceToken("openid " + scopes.getFirst());
        keycloak.revoke(token, Keycloak.CLI_CLIENT, null);
        JsonObject introspected = keycloak.introspect(token);
        assertFalse(introspected.getBoolean("active"), introspected.toString());
    }

    @Test
    void aClientAttributeShortensTheTokenLifespan() {
        try {
            keycloak.setClientAttribute(Keycloak.CLI_CLIENT, "access.token.lifespan", "7");
            JsonObject claims = Keycloak.jwtClaims(OAuthEnvironment.aliceToken("openid"));
            assertEquals(7, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        } finally {
            keycloak.setClientAttribute(Keycloak.CLI_CLIENT, "access.token.lifespan", null);
        }
        JsonObject claims = Keycloak.jwtClaims(OAuthEnvironment.aliceToken("openid"));
        assertEquals(300, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
    }

    @Test
    void rotatingKeysSignsNewTokensWithANewKid() {
        String before = Keycloak.jwtHeader(OAuthEnvironment.aliceToken("openid")).getString("kid");
        String rotated = keycloak.rotateKeys();
        String after = Keycloak.jwtHeader(OAuthEnvironment.aliceToken("openid")).getString("kid");
        assertNotEquals(before, after);
        assertEquals(rotated, after);
    }

    static Set<String> audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud == null) {
            return Set.of();
        }
        if (aud.getValueType() == JsonValue.ValueType.STRING) {
            return Set.of(((JsonString) aud).getString());
        }
        return Set.copyOf(aud.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
}
