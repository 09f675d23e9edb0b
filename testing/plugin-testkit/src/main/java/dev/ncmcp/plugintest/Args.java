package dev.ncmcp.plugintest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/** Tool arguments written as alternating names and values, as tests write them. */
public final class Args {

    private Args() {
    }

    /**
     * @param pairs {@code "name", value, …}; a value is a String, Integer, Long, Double, Boolean, JSON value, a
     *              String array, or a List of those
     */
    public static JsonObject of(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            object.add((String) pairs[i], value((String) pairs[i], pairs[i + 1]));
        }
        return object.build();
    }

    private static JsonValue value(String name, Object value) {
        return switch (value) {
            case String text -> Json.createValue(text);
            case Integer number -> Json.createValue(number);
            case Long number -> Json.createValue(number);
            case Double number -> Json.createValue(number);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case JsonValue json -> json;
            case String[] items -> array(name, List.of(items));
            case List<?> items -> array(name, items);
            default -> throw new IllegalArgumentException(name + ": unsupported " + value.getClass().getName());
        };
    }

    private static JsonValue array(String name, List<?> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(item -> array.add(value(name, item)));
        return array.build();
    }
}
