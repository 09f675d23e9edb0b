package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/** A column as the tools show it: what values it takes. */
record ColumnView(
        @Description("Column id") long id,
        @Description("Title; use it (or the id) as the key of a value") String title,
        @Description("The type of its values: text-line, text-long, text-rich, text-link, number, number-stars "
                + "(0-5), number-progress (0-100), selection (one option), selection-multi (a list of options), "
                + "selection-check (true/false), datetime (YYYY-MM-DD HH:mm), datetime-date (YYYY-MM-DD), "
                + "datetime-time (HH:mm) or usergroup (a list of account ids)") String type,
        @Description("Whether every row needs a value") boolean mandatory,
        @Description("Description; empty when none") String description,
        @Description("The options of a selection column") List<Option> options,
        @Description("The smallest number allowed") Optional<Double> min,
        @Description("The largest number allowed") Optional<Double> max,
        @Description("How many decimals a number may have") Optional<Long> decimals,
        @Description("Shown before a number, e.g. a currency") String prefix,
        @Description("Shown after a number, e.g. a unit") String suffix,
        @Description("The longest text allowed, in characters") Optional<Long> maxLength,
        @Description("A regular expression texts must match") Optional<String> pattern) {

    /** An option of a selection column. */
    record Option(@Description("Option id") long id, @Description("Label; pass it as the value") String label) {
    }

    static ColumnView of(JsonObject json) {
        String type = json.getString("type", "");
        String subtype = json.getString("subtype", "");
        List<Option> options = json.get("selectionOptions") instanceof JsonArray array
                ? array.getValuesAs(JsonObject.class).stream().filter(option -> option.get("id") instanceof JsonNumber)
                        .map(option -> new Option(option.getJsonNumber("id").longValue(),
                                option.getString("label", "")))
                        .toList()
                : List.of();
        return new ColumnView(json.getJsonNumber("id").longValue(), json.getString("title", ""),
                subtype.isEmpty() ? type : type + "-" + subtype, json.get("mandatory") == JsonValue.TRUE,
                text(json, "description"), options, number(json, "numberMin"), number(json, "numberMax"),
                number(json, "numberDecimals").filter(decimals -> type.equals("number")).map(Double::longValue),
                text(json, "numberPrefix"), text(json, "numberSuffix"),
                number(json, "textMaxLength").map(Double::longValue),
                Optional.of(text(json, "textAllowedPattern")).filter(pattern -> !pattern.isEmpty()));
    }

    private static Optional<Double> number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber number ? Optional.of(number.doubleValue()) : Optional.empty();
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString text ? text.getString() : "";
    }
}
