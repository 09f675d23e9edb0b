package dev.ncmcp.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serialises JSON-P values the way PHP's {@code json_encode} does with default flags: compact,
 * {@code /} escaped as {@code \/}, every non-ASCII character as {@code \\uXXXX} (UTF-16 units).
 */
public final class PhpJson {
    private PhpJson() {
    }

    public static String encode(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    public static byte[] bytes(JsonValue value) {
        return encode(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue v : (JsonArray) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(out, v);
                }
                out.append(']');
            }
            case STRING -> string(out, ((JsonString) value).getString());
            default -> out.append(value);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x80) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
