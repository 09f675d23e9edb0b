package dev.ncmcp.testkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakRealmTest {

    private static final List<String> SCOPES = List.of("notes:read", "notes:write", "files:read", "openid");

    @Test
    void everyPluginScopeBecomesAClientScopeWithTheSidecarAudienceMapper() {
        JsonObject realm = KeycloakRealm.generate("mcp", SCOPES);
        for (String name : List.of("notes:read", "notes:write", "files:read")) {
            JsonObject scope = clientScope(realm, name);
            assertEquals("openid-connect", scope.getString("protocol"));
            assertEquals("true", scope.getJsonObject("attributes").getString("include.in.token.scope"));
            List<JsonObject> mappers = scope.getJsonArray("protocolMappers").getValuesAs(JsonObject.class);
            assertEquals(1, mappers.size(), name);
            assertEquals("oidc-audience-mapper", mappers.getFirst().getString("protocolMapper"));
            JsonObject config = mappers.getFirst().getJsonObject("config");
            assertEquals("mcp-sidecar", config.getString("included.client.audience"));
            assertEquals("true", config.getString("access.token.claim"));
            assertEquals("true", config.getString("introspection.token.claim"));
        }
    }

    @Test
    void openidIsAProtocolScopeAndIsNotGenerated() {
        JsonObject realm = KeycloakRealm.generate("mcp", SCOPES);
        assertFalse(names(realm.getJsonArray("clientScopes").getValuesAs(JsonObject.class)).contains("openid"));
    }

    @Test
    void theSidecarAndCliClientsTheRealmAndTheDcrPoliciesOfferThePluginScopes() {
        JsonObject realm = KeycloakRealm.generate("mcp", SCOPES);
        List<String> plugin = List.of("notes:read", "notes:write", "files:read");
        for (String clientId : List.of("mcp-sidecar", "mcp-cli")) {
            assertTrue(strings(client(realm, clientId).get("optionalClientScopes")).containsAll(plugin), clientId);
        }
        assertTrue(strings(client(realm, "mcp-sidecar").get("optionalClientScopes")).contains("nextcloud-audience"));
        assertFalse(client(realm, "nextcloud").containsKey("optionalClientScopes"));
        assertTrue(strings(realm.get("defaultOptionalClientScopes")).containsAll(plugin));
        List<JsonObject> policies = realm.getJsonObject("components")
                .getJsonArray("org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("providerId").equals("allowed-client-templates")).toList();
        assertEquals(2, policies.size());
        for (JsonObject policy : policies) {
            assertTrue(strings(policy.getJsonObject("config").get("allowed-client-scopes")).containsAll(plugin),
                    policy.getString("subType"));
        }
        JsonObject anonymous = policies.stream().filter(p -> p.getString("subType").equals("anonymous")).findFirst()
                .orElseThrow();
        assertTrue(strings(anonymous.getJsonObject("config").get("allowed-client-scopes")).contains("mcp-audience"));
    }

    @Test
    void theTemplateKeepsNoHandWrittenPluginScopesButKeepsTheInfrastructureScopes() {
        JsonObject realm = KeycloakRealm.generate("mcp", List.of());
        List<String> scopes = names(realm.getJsonArray("clientScopes").getValuesAs(JsonObject.class));
        assertFalse(scopes.contains("notes:read"), scopes.toString());
        assertFalse(scopes.contains("notes:write"), scopes.toString());
        assertTrue(scopes.containsAll(List.of("basic", "profile", "email", "roles", "web-origins", "acr",
                "mcp-audience", "nextcloud-audience")), scopes.toString());
        assertFalse(strings(client(realm, "mcp-cli").get("optionalClientScopes")).contains("notes:read"));
    }

    @Test
    void theRealmIsRenamedAndKeepsItsUsersAndClients() {
        JsonObject realm = KeycloakRealm.generate("other", SCOPES);
        assertEquals("other", realm.getString("realm"));
        JsonObject alice = realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals("alice")).findFirst().orElseThrow();
        assertEquals(List.of("default-roles-mcp"), strings(alice.get("realmRoles")));
        assertEquals("sidecar-secret", client(realm, "mcp-sidecar").getString("secret"));
    }

    @Test
    void generatingTwiceDoesNotDuplicateScopes() {
        JsonObject realm = KeycloakRealm.generate("mcp", List.of("notes:read", "notes:read", " notes:read "));
        assertEquals(1, names(realm.getJsonArray("clientScopes").getValuesAs(JsonObject.class)).stream()
                .filter("notes:read"::equals).count());
        assertEquals(1, strings(realm.get("defaultOptionalClientScopes")).stream().filter("notes:read"::equals).count());
    }

    @Test
    void aScopeNameWithSpacesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeycloakRealm.generate("mcp", List.of("notes read\"x")));
    }

    @Test
    void theBuildMarkerIsReadFromThePersistedProperties(@TempDir Path home) throws IOException {
        assertFalse(Keycloak.isBuilt(home, Keycloak.BUILD_OPTIONS));
        Path jar = Files.createDirectories(home.resolve("lib/quarkus")).resolve("generated-bytecode.jar");
        writePersisted(jar, "kc.health-enabled=true\nkc.optimized=true\n");
        assertFalse(Keycloak.isBuilt(home, Keycloak.BUILD_OPTIONS), "db is missing");
        writePersisted(jar, "kc.health-enabled=true\nkc.db=dev-file\n");
        assertTrue(Keycloak.isBuilt(home, Keycloak.BUILD_OPTIONS));
        assertFalse(Keycloak.isBuilt(home, List.of("--health-enabled=false")));
    }

    @Test
    void withoutTheHomePropertyTheHarnessSaysHowToGetKeycloak() {
        String previous = System.clearProperty(Keycloak.HOME_PROPERTY);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, Keycloak::configuredHome);
            assertTrue(e.getMessage().contains("ncmcp.keycloak.home"), e.getMessage());
            assertTrue(e.getMessage().contains("keycloak-quarkus-dist"), e.getMessage());
        } finally {
            if (previous != null) {
                System.setProperty(Keycloak.HOME_PROPERTY, previous);
            }
        }
    }

    @Test
    void jwtPartsAreDecodedWithoutVerification() {
        String token = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + b64("{\"iss\":\"x\",\"aud\":\"mcp-sidecar\"}")
                + ".c2ln";
        assertEquals("k1", Keycloak.jwtHeader(token).getString("kid"));
        assertEquals("mcp-sidecar", Keycloak.jwtClaims(token).getString("aud"));
        assertThrows(IllegalArgumentException.class, () -> Keycloak.jwtClaims("opaque"));
    }

    private static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writePersisted(Path jar, String properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/keycloak-persisted.properties"));
            zip.write(properties.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static JsonObject clientScope(JsonObject realm, String name) {
        return realm.getJsonArray("clientScopes").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no client scope " + name));
    }

    private static JsonObject client(JsonObject realm, String clientId) {
        return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clientId").equals(clientId)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<String> names(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("name")).toList();
    }

    private static List<String> strings(JsonValue array) {
        return array.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
