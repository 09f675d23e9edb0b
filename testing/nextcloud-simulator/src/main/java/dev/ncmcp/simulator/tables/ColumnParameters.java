package dev.ncmcp.simulator.tables;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * A new column's settings from a create request. API v1 defaults the selection and datetime defaults to "", the
 * OCS API leaves them null ({@code tables/03}, {@code tables/05}).
 */
final class ColumnParameters {
    private ColumnParameters() {
    }

    static void apply(Column column, JsonObject params, boolean apiV1) {
        column.subtype = text(params, "subtype", "");
        column.mandatory = params.get("mandatory") == JsonValue.TRUE;
        column.description = text(params, "description", "");
        column.numberDefault = params.getOrDefault("numberDefault", JsonValue.NULL);
        column.numberMin = params.getOrDefault("numberMin", JsonValue.NULL);
        column.numberMax = params.getOrDefault("numberMax", JsonValue.NULL);
        column.numberDecimals = params.get("numberDecimals") instanceof JsonNumber decimals
                ? decimals.longValue() : null;
        column.numberPrefix = text(params, "numberPrefix", "");
        column.numberSuffix = text(params, "numberSuffix", "");
        column.textDefault = text(params, "textDefault", null);
        column.textAllowedPattern = text(params, "textAllowedPattern", null);
        column.textMaxLength = params.get("textMaxLength") instanceof JsonNumber length ? length.longValue() : null;
        column.selectionOptions = options(params.get("selectionOptions"));
        column.selectionDefault = text(params, "selectionDefault", apiV1 ? "" : null);
        column.datetimeDefault = text(params, "datetimeDefault", apiV1 ? "" : null);
    }

    /** Options as {@code [{"id","label"}]}, from that list, its JSON text, or plain labels (numbered from 1). */
    private static JsonArray options(JsonValue value) {
        if (value instanceof JsonString text) {
            try (JsonReader reader = Json.createReader(new StringReader(text.getString()))) {
                value = reader.readValue();
            } catch (RuntimeException malformed) {
                return JsonValue.EMPTY_JSON_ARRAY;
            }
        }
        if (!(value instanceof JsonArray array)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        JsonArrayBuilder options = Json.createArrayBuilder();
        int next = 1;
        for (JsonValue option : array) {
            if (option instanceof JsonObject object && object.get("id") instanceof JsonNumber) {
                options.add(object);
            } else if (option instanceof JsonString label) {
                options.add(Json.createObjectBuilder().add("id", next).add("label", label.getString()));
            }
            next++;
        }
        return options.build();
    }

    private static String text(JsonObject params, String key, String otherwise) {
        return params.get(key) instanceof JsonString value ? value.getString() : otherwise;
    }
}
