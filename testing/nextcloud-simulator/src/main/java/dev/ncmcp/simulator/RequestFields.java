package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of a JSON or form-encoded request body, read leniently like PHP does: a malformed body
 * is an empty one.
 */
public final class RequestFields {
    private final Map<String, Object> values;

    private RequestFields(Map<String, Object> values) {
        this.values = values;
    }

    public static RequestFields of(SimRequest request) {
        String contentType = request.header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> values = new LinkedHashMap<>();
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            values.putAll(SimRequest.parseForm(request.bodyText()));
        } else if (request.hasBody()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                JsonValue parsed = reader.readValue();
                if (parsed instanceof JsonObject object) {
                    object.forEach((k, v) -> values.put(k, plain(v)));
                }
            } catch (RuntimeException malformed) {
                // PHP's json_decode returns null and the controller sees no parameters.
            }
        }
        return new RequestFields(values);
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).longValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> v.toString();
        };
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public Boolean bool(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString();
        return !(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false"));
    }

    public Long number(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Map<String, String> strings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }
}
