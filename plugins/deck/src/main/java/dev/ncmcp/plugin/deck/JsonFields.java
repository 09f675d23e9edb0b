package dev.ncmcp.plugin.deck;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * Lenient reads of Deck's JSON: the same object comes with fields null, missing or of another shape depending on
 * the endpoint and the Deck version (an owner as a string or an object, labels as null or a list).
 */
final class JsonFields {
    private JsonFields() {
    }

    static long number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber number ? number.longValue() : 0;
    }

    static String text(JsonObject json, String key) {
        return optionalText(json, key).orElse("");
    }

    static Optional<String> optionalText(JsonObject json, String key) {
        return json.get(key) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    static boolean flag(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value == JsonValue.TRUE || (value instanceof JsonNumber number && number.longValue() != 0);
    }

    /** The objects of an array field; empty when the field is null, missing or no array. */
    static List<JsonObject> objects(JsonObject json, String key) {
        return json.get(key) instanceof JsonArray array
                ? array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
                : List.of();
    }
}
