package dev.ncmcp.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The realm {@link Keycloak} imports: {@code keycloak-realm-template.json} (a copy of the reference
 * {@code mcp-realm.json} without any plugin scope) plus one generated optional client scope per plugin scope.
 *
 * <p>Each generated scope carries an audience mapper putting {@value #SIDECAR_CLIENT} into {@code aud}, is
 * an optional scope of the {@code mcp-sidecar} and {@code mcp-cli} clients and of the realm (so DCR clients
 * get it), and is listed in the anonymous and authenticated "Allowed Client Scopes" DCR policies. The scope
 * names come from the caller — the scopes the sidecar's plugins declare — so no second hand-written list
 * exists.
 */
public final class KeycloakRealm {

    public static final String SIDECAR_CLIENT = "mcp-sidecar";
    public static final String CLI_CLIENT = "mcp-cli";
    static final String TEMPLATE = "keycloak-realm-template.json";
    static final String AUDIENCE_MAPPER = "oidc-audience-mapper";
    private static final List<String> CLIENTS_WITH_PLUGIN_SCOPES = List.of(SIDECAR_CLIENT, CLI_CLIENT);
    private static final String DCR_POLICY_TYPE = "org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy";

    private KeycloakRealm() {
    }

    /** The template realm (name {@code mcp}) with the given plugin scopes added. */
    public static JsonObject generate(String realmName, Collection<String> pluginScopes) {
        Set<String> scopes = pluginScopes(pluginScopes);
        JsonObject template = template();
        JsonObjectBuilder realm = Json.createObjectBuilder(template).add("realm", realmName);

        JsonArrayBuilder clientScopes = Json.createArrayBuilder();
        for (JsonValue scope : template.getJsonArray("clientScopes")) {
            if (!scopes.contains(scope.asJsonObject().getString("name"))) {
                clientScopes.add(scope);
            }
        }
        scopes.forEach(name -> clientScopes.add(clientScope(name)));
        realm.add("clientScopes", clientScopes);

        JsonArrayBuilder clients = Json.createArrayBuilder();
        for (JsonValue value : template.getJsonArray("clients")) {
            JsonObject client = value.asJsonObject();
            if (CLIENTS_WITH_PLUGIN_SCOPES.contains(client.getString("clientId"))) {
                client = Json.createObjectBuilder(client)
                        .add("optionalClientScopes", union(client.getJsonArray("optionalClientScopes"), scopes))
                        .build();
            }
            clients.add(client);
        }
        realm.add("clients", clients);
        realm.add("defaultOptionalClientScopes", union(template.getJsonArray("defaultOptionalClientScopes"), scopes));

        JsonObject components = template.getJsonObject("components");
        JsonArrayBuilder policies = Json.createArrayBuilder();
        for (JsonValue value : components.getJsonArray(DCR_POLICY_TYPE)) {
            JsonObject policy = value.asJsonObject();
            if ("allowed-client-templates".equals(policy.getString("providerId"))) {
                JsonObject config = policy.getJsonObject("config");
                policy = Json.createObjectBuilder(policy)
                        .add("config", Json.createObjectBuilder(config)
                                .add("allowed-client-scopes", union(config.getJsonArray("allowed-client-scopes"), scopes)))
                        .build();
            }
            policies.add(policy);
        }
        realm.add("components", Json.createObjectBuilder(components).add(DCR_POLICY_TYPE, policies));
        return realm.build();
    }

    /** One optional client scope whose tokens name the sidecar in {@code aud}, like the reference {@code notes:read}. */
    static JsonObject clientScope(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("protocol", "openid-connect")
                .add("attributes", Json.createObjectBuilder()
                        .add("include.in.token.scope", "true")
                        .add("display.on.consent.screen", "true"))
                .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "aud-" + SIDECAR_CLIENT)
                        .add("protocol", "openid-connect")
                        .add("protocolMapper", AUDIENCE_MAPPER)
                        .add("config", Json.createObjectBuilder()
                                .add("included.client.audience", SIDECAR_CLIENT)
                                .add("access.token.claim", "true")
                                .add("introspection.token.claim", "true"))))
                .build();
    }

    /** The plugin scope names to generate: trimmed, de-duplicated, without {@code openid} (a protocol scope). */
    static Set<String> pluginScopes(Collection<String> names) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.equals("openid")) {
                continue;
            }
            if (trimmed.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
                throw new IllegalArgumentException("not a valid OAuth scope name: '" + name + "'");
            }
            scopes.add(trimmed);
        }
        return scopes;
    }

    private static JsonArray union(JsonArray existing, Set<String> added) {
        Set<String> all = new LinkedHashSet<>();
        if (existing != null) {
            existing.getValuesAs(jakarta.json.JsonString.class).forEach(s -> all.add(s.getString()));
        }
        all.addAll(added);
        JsonArrayBuilder array = Json.createArrayBuilder();
        all.forEach(array::add);
        return array.build();
    }

    static JsonObject template() {
        try (InputStream in = KeycloakRealm.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " is missing next to " + KeycloakRealm.class);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
