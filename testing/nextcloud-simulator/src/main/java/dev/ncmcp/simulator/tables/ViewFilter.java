package dev.ncmcp.simulator.tables;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Whether a row passes a view's filter: all conditions of any group. Operators as the app's filter menu offers them;
 * the magic values {@code @checked}, {@code @unchecked} and {@code @today}.
 */
final class ViewFilter {
    private ViewFilter() {
    }

    static boolean lets(SavedView view, Table table, Row row) {
        if (view.filter.isEmpty()) {
            return true;
        }
        for (JsonValue group : view.filter) {
            if (group instanceof JsonArray conditions
                    && conditions.getValuesAs(JsonObject.class).stream().allMatch(c -> holds(c, row))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(JsonObject condition, Row row) {
        JsonValue value = row.values.getOrDefault(condition.getJsonNumber("columnId").longValue(), JsonValue.NULL);
        String actual = text(value).toLowerCase(Locale.ROOT);
        String wanted = magic(text(condition.getOrDefault("value", JsonValue.NULL))).toLowerCase(Locale.ROOT);
        return switch (condition.getString("operator", "")) {
            case "is-equal" -> actual.equals(wanted);
            case "contains" -> actual.contains(wanted);
            case "begins-with" -> actual.startsWith(wanted);
            case "ends-with" -> actual.endsWith(wanted);
            case "is-empty" -> actual.isEmpty();
            case "is-greater-than" -> compare(actual, wanted) > 0;
            case "is-greater-than-or-equal" -> compare(actual, wanted) >= 0;
            case "is-lower-than" -> compare(actual, wanted) < 0;
            case "is-lower-than-or-equal" -> compare(actual, wanted) <= 0;
            default -> false;
        };
    }

    private static String magic(String value) {
        return switch (value) {
            case "@checked" -> "true";
            case "@unchecked" -> "false";
            case "@today" -> LocalDate.now().toString();
            default -> value;
        };
    }

    private static int compare(String actual, String wanted) {
        try {
            return Double.compare(Double.parseDouble(actual), Double.parseDouble(wanted));
        } catch (NumberFormatException text) {
            return actual.compareTo(wanted);
        }
    }

    private static String text(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.getString();
            case JsonNumber n -> n.toString();
            case null -> "";
            default -> value == JsonValue.NULL ? "" : value.toString();
        };
    }
}
