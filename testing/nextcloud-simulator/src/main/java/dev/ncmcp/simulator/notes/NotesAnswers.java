package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The Notes app's fixed answers outside the controllers' error mapping ({@link NotesException}).
 */
final class NotesAnswers {
    private NotesAnswers() {
    }

    static SimResponse badRequest() {
        return SimResponse.json(400, JsonValue.EMPTY_JSON_ARRAY);
    }

    static SimResponse methodNotAllowed() {
        return SimResponse.status(405).header("Content-Type", SimResponse.HTML);
    }

    static SimResponse message(int status, String text) {
        JsonObject body = Json.createObjectBuilder().add("message", text).build();
        return SimResponse.json(status, body);
    }

    static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals("\"" + etag + "\"") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
