package dev.ncmcp.server.oauth;

import dev.ncmcp.server.idp.IdpHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Reading what the identity provider's token endpoint answered, for the callback and the refresh grant. */
final class IdpAnswers {

    private IdpAnswers() {
    }

    /** Whether the IdP refused the sidecar's own client (so it should be replaced). */
    static boolean rejectsClient(IdpHttp.Response answer) {
        String error = answer.error();
        return answer.status() == 401 || error.equals("invalid_client") || error.equals("unauthorized_client");
    }

    static long longValue(JsonObject json, String name, long fallback) {
        try {
            return json.containsKey(name) ? json.getJsonNumber(name).longValue() : fallback;
        } catch (ClassCastException e) {
            return fallback;
        }
    }

    /** The user's subject from the ID token, else from a JWT access token; the tokens come straight from the IdP. */
    static String subject(JsonObject tokens) {
        for (String name : List.of("id_token", "access_token")) {
            String token = tokens.getString(name, null);
            String[] parts = token == null ? new String[0] : token.split("\\.");
            if (parts.length == 3) {
                try (JsonReader reader = Json.createReader(new StringReader(new String(
                        Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                    String sub = reader.readObject().getString("sub", null);
                    if (sub != null) {
                        return sub;
                    }
                } catch (RuntimeException e) {
                    // not a readable JWT
                }
            }
        }
        return "unknown";
    }
}
