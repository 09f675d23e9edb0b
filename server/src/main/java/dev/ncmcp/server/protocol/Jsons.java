package dev.ncmcp.server.protocol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** One JSON factory for the MCP packages, and the few helpers every class needs. */
public final class Jsons {
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject start) {
        return BUILDERS.createObjectBuilder(start);
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder builder = BUILDERS.createArrayBuilder();
        values.forEach(builder::add);
        return builder;
    }

    public static JsonString string(String value) {
        return Json.createValue(value);
    }

    /** Reads one JSON value; throws {@link JsonException} (or a subclass) when the bytes are not JSON. */
    public static JsonValue read(byte[] bytes) {
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        }
    }

    public static byte[] bytes(JsonValue value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The string at {@code key}, or null when absent or not a string. */
    public static String optString(JsonObject object, String key) {
        return object != null && object.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
