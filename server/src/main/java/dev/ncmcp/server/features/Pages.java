package dev.ncmcp.server.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Cursor pagination over a sorted list. The cursor is opaque to clients: base64url of the key of the
 * last item returned, so a page boundary stays put whatever the caller's filter removed.
 */
final class Pages {
    private static final String PREFIX = "after:";

    private Pages() {
    }

    /**
     * Adds one page of {@code items} under {@code field}, plus {@code nextCursor} when more follow.
     *
     * @param items   visible items, sorted by {@code key}
     * @param params  request params, may carry {@code cursor}
     * @throws McpError -32602 for a cursor we did not issue
     */
    static <T> JsonObject page(List<T> items, Function<T, String> key, Function<T, JsonObject> encoder,
                               String field, JsonObject params, int pageSize) throws McpError {
        String after = decode(params.get("cursor"));
        List<T> rest = new ArrayList<>();
        for (T item : items) {
            if (after == null || key.apply(item).compareTo(after) > 0) {
                rest.add(item);
            }
        }
        JsonArrayBuilder array = Jsons.array();
        List<T> page = rest.subList(0, Math.min(pageSize, rest.size()));
        page.forEach(item -> array.add(encoder.apply(item)));
        JsonObjectBuilder result = Jsons.object().add(field, array);
        if (rest.size() > page.size()) {
            result.add("nextCursor", encode(key.apply(page.getLast())));
        }
        return result.build();
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(JsonValue cursor) throws McpError {
        if (cursor == null || cursor == JsonValue.NULL) {
            return null;
        }
        if (!(cursor instanceof JsonString text)) {
            throw McpError.invalidParams("Invalid cursor");
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text.getString()), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw McpError.invalidParams("Invalid cursor");
            }
            return decoded.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw McpError.invalidParams("Invalid cursor");
        }
    }
}
