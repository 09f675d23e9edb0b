package dev.ncmcp.server.oauth;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The client metadata the facade understands (RFC 7591 §2), validated. Public clients only: the token endpoint
 * authentication method is always {@code none} (PKCE protects the code).
 */
record ClientMetadata(List<String> redirectUris, Set<String> grantTypes, String clientName) {
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

    /** Invalid metadata, with an RFC 7591 error code. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String error;

        Invalid(String error, String message) {
            super(message);
            this.error = error;
        }
    }

    ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
    }

    /**
     * @param requireName the MCP spec requires {@code client_name} in metadata documents
     */
    static ClientMetadata parse(JsonObject json, boolean requireName) throws Invalid {
        List<String> redirects = strings(json, "redirect_uris", "invalid_redirect_uri");
        if (redirects == null || redirects.isEmpty()) {
            throw new Invalid("invalid_redirect_uri", "redirect_uris is required");
        }
        for (String uri : redirects) {
            String problem = RedirectUris.problem(uri);
            if (problem != null) {
                throw new Invalid("invalid_redirect_uri", problem);
            }
        }
        List<String> grants = strings(json, "grant_types", "invalid_client_metadata");
        Set<String> grantTypes = new LinkedHashSet<>(grants == null ? List.of("authorization_code") : grants);
        if (!GRANT_TYPES.containsAll(grantTypes) || !grantTypes.contains("authorization_code")) {
            throw new Invalid("invalid_client_metadata", "grant_types must be authorization_code and optionally "
                    + "refresh_token");
        }
        List<String> responses = strings(json, "response_types", "invalid_client_metadata");
        if (responses != null && !responses.equals(List.of("code"))) {
            throw new Invalid("invalid_client_metadata", "response_types must be [\"code\"]");
        }
        JsonValue name = json.get("client_name");
        if (name != null && !(name instanceof JsonString)) {
            throw new Invalid("invalid_client_metadata", "client_name must be a string");
        }
        String clientName = name == null ? null : ((JsonString) name).getString().strip();
        if (clientName != null && clientName.length() > 200) {
            throw new Invalid("invalid_client_metadata", "client_name is longer than 200 characters");
        }
        if (requireName && (clientName == null || clientName.isEmpty())) {
            throw new Invalid("invalid_client_metadata", "client_name is required");
        }
        return new ClientMetadata(redirects, grantTypes, clientName == null || clientName.isEmpty() ? null
                : clientName);
    }

    private static List<String> strings(JsonObject json, String name, String error) throws Invalid {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new Invalid(error, name + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw new Invalid(error, name + " must be an array of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    /** The metadata as registered (RFC 7591 §3.2.1 response members besides the client id). */
    JsonObjectBuilder toJson() {
        JsonArrayBuilder redirects = Json.createArrayBuilder();
        redirectUris.forEach(redirects::add);
        JsonArrayBuilder grants = Json.createArrayBuilder();
        grantTypes.stream().sorted().forEach(grants::add);
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("redirect_uris", redirects)
                .add("grant_types", grants)
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", "none");
        if (clientName != null) {
            out.add("client_name", clientName);
        }
        return out;
    }
}
