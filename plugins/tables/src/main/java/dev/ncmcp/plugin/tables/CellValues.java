package dev.ncmcp.plugin.tables;

import dev.ncmcp.plugin.tables.ColumnView.Option;
import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Values between a model and Tables, column type by column type: a selection is its label for the model and its
 * option id for Tables, a check column a boolean and the text "true"/"false", dates ISO for both. Values going to
 * Tables are checked against the column first (type, range, decimals, length, pattern, options), so a mistake comes
 * back naming the column before anything is sent.
 */
final class CellValues {
    /** One provider for every cell: {@code Json.*} looks the provider up again on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CellValues() {
    }

    /** A value as Tables stores it, in the form the tools show. */
    static JsonValue readable(ColumnView column, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.NULL;
        }
        return switch (column.type()) {
            case "selection" -> label(column, value);
            case "selection-multi" -> value instanceof JsonArray ids
                    ? JSON.createArrayBuilder(ids.stream().map(id -> label(column, id)).toList()).build() : value;
            case "selection-check" -> truth(value) ? JsonValue.TRUE : JsonValue.FALSE;
            case "text-link" -> link(value);
            case "number", "number-stars", "number-progress" -> value instanceof JsonString text ? number(text) : value;
            case "usergroup" -> value instanceof JsonArray members ? JSON.createArrayBuilder(members.stream()
                    .map(member -> member instanceof JsonObject object ? object.get("id") : member).toList()).build()
                    : value;
            default -> value;
        };
    }

    /** A value a model gave, checked against the column and in the form Tables stores. */
    static JsonValue forTables(ColumnView column, String key, JsonValue value) throws ToolException {
        if (value == null || value == JsonValue.NULL) {
            if (column.mandatory()) {
                throw invalid(key, "is mandatory and cannot be emptied");
            }
            return JsonValue.NULL;
        }
        return switch (column.type()) {
            case "text-line", "text-long", "text-rich" -> text(column, key, value);
            case "text-link" -> string(key, value, "a URL");
            case "number", "number-stars", "number-progress" -> number(column, key, value);
            case "selection" -> JSON.createValue(option(column, key, value).id());
            case "selection-multi" -> options(column, key, value);
            case "selection-check" -> JSON.createValue(Boolean.toString(check(key, value)));
            case "datetime" -> JSON.createValue(dateTime(key, value));
            case "datetime-date" -> JSON.createValue(date(key, value));
            case "datetime-time" -> JSON.createValue(time(key, value));
            case "usergroup" -> members(key, value);
            default -> value;
        };
    }

    static boolean empty(JsonValue value) {
        return value == null || value == JsonValue.NULL
                || value instanceof JsonString text && text.getString().isBlank()
                || value instanceof JsonArray array && array.isEmpty();
    }

    private static JsonValue text(ColumnView column, String key, JsonValue value) throws ToolException {
        JsonString text = string(key, value, "text");
        int length = text.getString().codePointCount(0, text.getString().length());
        if (column.maxLength().filter(max -> max > 0 && length > max).isPresent()) {
            throw invalid(key, "takes at most " + column.maxLength().get() + " characters, not " + length);
        }
        if (column.pattern().isPresent() && !matches(column.pattern().get(), text.getString())) {
            throw invalid(key, "takes only texts matching " + column.pattern().get());
        }
        return text;
    }

    private static JsonValue number(ColumnView column, String key, JsonValue value) throws ToolException {
        BigDecimal number = switch (value) {
            case JsonNumber n -> n.bigDecimalValue();
            case JsonString s -> parse(key, s.getString());
            default -> throw invalid(key, "takes a number, not " + value);
        };
        double min = column.type().equals("number") ? column.min().orElse(Double.NEGATIVE_INFINITY) : 0;
        double max = switch (column.type()) {
            case "number-stars" -> 5;
            case "number-progress" -> 100;
            default -> column.max().orElse(Double.POSITIVE_INFINITY);
        };
        if (number.doubleValue() < min || number.doubleValue() > max) {
            throw invalid(key, "takes numbers from " + plain(min) + " to " + plain(max) + ", not "
                    + number.toPlainString());
        }
        long decimals = column.type().equals("number") ? column.decimals().orElse(Long.MAX_VALUE) : 0;
        if (Math.max(number.stripTrailingZeros().scale(), 0) > decimals) {
            throw invalid(key, decimals == 0 ? "takes whole numbers only" : "takes at most " + decimals + " decimals");
        }
        BigDecimal exact = number.stripTrailingZeros();
        return JSON.createValue(exact.scale() < 0 ? exact.setScale(0) : exact);
    }

    private static Option option(ColumnView column, String key, JsonValue value) throws ToolException {
        Optional<Option> found = switch (value) {
            case JsonString label -> column.options().stream()
                    .filter(option -> option.label().equalsIgnoreCase(label.getString().strip())).findFirst();
            case JsonNumber id -> column.options().stream().filter(option -> option.id() == id.longValue()).findFirst();
            default -> Optional.empty();
        };
        return found.orElseThrow(() -> invalid(key, "takes one of " + column.options().stream()
                .map(option -> "'" + option.label() + "'").collect(Collectors.joining(", ")) + ", not " + value));
    }

    private static JsonValue options(ColumnView column, String key, JsonValue value) throws ToolException {
        List<JsonValue> given = value instanceof JsonArray array ? array : List.of(value);
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        for (JsonValue item : given) {
            ids.add(option(column, key, item).id());
        }
        return ids.build();
    }

    private static boolean check(String key, JsonValue value) throws ToolException {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value instanceof JsonString text && (text.getString().equals("true") || text.getString().equals("false"))) {
            return Boolean.parseBoolean(text.getString());
        }
        throw invalid(key, "takes true or false, not " + value);
    }

    private static String dateTime(String key, JsonValue value) throws ToolException {
        String text = string(key, value, "a date and time").getString().strip().replace(' ', 'T');
        try {
            return MINUTES.format(LocalDateTime.parse(text.length() == 16 ? text + ":00" : text));
        } catch (DateTimeParseException e) {
            throw invalid(key, "takes a date and time as YYYY-MM-DD HH:mm, not " + value);
        }
    }

    private static String date(String key, JsonValue value) throws ToolException {
        try {
            return LocalDate.parse(string(key, value, "a date").getString().strip()).toString();
        } catch (DateTimeParseException e) {
            throw invalid(key, "takes a date as YYYY-MM-DD, not " + value);
        }
    }

    private static String time(String key, JsonValue value) throws ToolException {
        try {
            return TIME.format(LocalTime.parse(string(key, value, "a time").getString().strip()));
        } catch (DateTimeParseException e) {
            throw invalid(key, "takes a time as HH:mm, not " + value);
        }
    }

    /** Accounts as Tables keeps them: {@code [{"id": "alice", "type": 0}]}; a group is {@code {"id", "type": 1}}. */
    private static JsonValue members(String key, JsonValue value) throws ToolException {
        List<JsonValue> given = value instanceof JsonArray array ? array : List.of(value);
        JsonArrayBuilder members = JSON.createArrayBuilder();
        for (JsonValue member : given) {
            if (member instanceof JsonString id) {
                members.add(JSON.createObjectBuilder().add("id", id.getString()).add("type", 0));
            } else if (member instanceof JsonObject object && object.get("id") instanceof JsonString) {
                members.add(object);
            } else {
                throw invalid(key, "takes account ids (or {\"id\", \"type\": 1} for a group), not " + member);
            }
        }
        return members.build();
    }

    private static JsonString string(String key, JsonValue value, String what) throws ToolException {
        if (value instanceof JsonString text) {
            return text;
        }
        throw invalid(key, "takes " + what + " as a string, not " + value);
    }

    private static JsonValue label(ColumnView column, JsonValue value) {
        long id = value instanceof JsonNumber number ? number.longValue()
                : value instanceof JsonString text && text.getString().matches("\\d{1,18}")
                ? Long.parseLong(text.getString()) : -1;
        return column.options().stream().filter(option -> option.id() == id).findFirst()
                .<JsonValue>map(option -> JSON.createValue(option.label())).orElse(value);
    }

    private static boolean truth(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonString text && text.getString().equals("true");
    }

    /** Tables 0.8+ keeps a link as JSON text {@code {"title","value","providerId"}}; the model sees the address. */
    private static JsonValue link(JsonValue value) {
        if (value instanceof JsonString text && text.getString().startsWith("{")) {
            try (JsonReader reader = JSON.createReader(new StringReader(text.getString()))) {
                if (reader.readValue() instanceof JsonObject link && link.get("value") instanceof JsonString address) {
                    return address;
                }
            } catch (RuntimeException notJson) {
                // a plain text that starts with a brace
            }
        }
        return value;
    }

    private static JsonValue number(JsonString text) {
        try {
            return JSON.createValue(new BigDecimal(text.getString().strip()));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static BigDecimal parse(String key, String text) throws ToolException {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "takes a number, not '" + text + "'");
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern.replaceAll("^/(.*)/[a-z]*$", "$1")).matcher(text).find();
        } catch (PatternSyntaxException notJava) {
            return true;
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static ToolException invalid(String key, String problem) {
        return ToolException.invalidArgument("Column '" + key + "' " + problem + ".");
    }
}
