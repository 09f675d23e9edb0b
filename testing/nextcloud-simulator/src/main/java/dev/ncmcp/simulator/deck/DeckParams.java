package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.SimRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request's parameters as Nextcloud's {@code Request::getParam} sees them: the query, then the JSON or form body,
 * then the route's own placeholders, each overriding the one before. That last rule is why the body's
 * {@code stackId} of a card reorder loses to the stack in the URL.
 */
final class DeckParams {
    private final Map<String, JsonValue> values = new LinkedHashMap<>();

    private DeckParams() {
    }

    static DeckParams of(SimRequest request, Map<String, Long> routeParams) {
        DeckParams params = new DeckParams();
        request.queryParams().forEach((name, value) -> params.values.put(name, Json.createValue(value)));
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            SimRequest.parseForm(request.bodyText())
                    .forEach((name, value) -> params.values.put(name, Json.createValue(value)));
        } else if (request.hasBody()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                if (reader.readValue() instanceof JsonObject object) {
                    params.values.putAll(object);
                }
            } catch (RuntimeException malformed) {
                // PHP's json_decode gives null: the controller sees no body parameters
            }
        }
        routeParams.forEach((name, value) -> params.values.put(name, Json.createValue(value)));
        return params;
    }

    /** Whether the parameter was sent at all, even as null. */
    boolean sent(String name) {
        return values.containsKey(name);
    }

    /** A non-empty string, as Deck's validators demand ({@code "must be provided and must be not empty"}). */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> value != JsonValue.NULL).map(DeckParams::plain)
                .filter(text -> !text.isEmpty());
    }

    /** A string as given, empty when absent or null. */
    String textOrEmpty(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> value != JsonValue.NULL).map(DeckParams::plain)
                .orElse("");
    }

    Optional<Long> number(String name) {
        JsonValue value = values.get(name);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof JsonString text && text.getString().strip().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(text.getString().strip()));
        }
        return Optional.empty();
    }

    /** PHP's truthiness of a boolean parameter; empty when absent or null. */
    Optional<Boolean> flag(String name) {
        JsonValue value = values.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case NUMBER -> ((JsonNumber) value).longValue() != 0;
            default -> {
                String text = plain(value);
                yield !(text.isEmpty() || text.equals("0") || text.equalsIgnoreCase("false"));
            }
        });
    }

    Optional<JsonArray> array(String name) {
        return values.get(name) instanceof JsonArray array ? Optional.of(array) : Optional.empty();
    }

    private static String plain(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : value.toString();
    }
}
