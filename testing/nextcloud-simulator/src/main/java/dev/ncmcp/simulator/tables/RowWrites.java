package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.NextcloudVersion;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Row inserts and updates: the values of {@code data} by column id ({@code {"10": "Apples"}} or
 * {@code [{"columnId": 10, "value": "Apples"}]}). An unknown column is the app's generic 500; a mandatory column left
 * empty is refused by Tables 1.0 (400) and stored by Tables 0.9 ({@code tables/11}).
 */
final class RowWrites {
    private final TablesState state;
    private final NextcloudVersion version;

    RowWrites(TablesState state, NextcloudVersion version) {
        this.state = state;
        this.version = version;
    }

    Row insert(String user, Table table, JsonValue data) {
        Map<Long, JsonValue> values = values(table, data);
        checkMandatory(table, values, true);
        Row row = state.addRow(table, user);
        row.values.putAll(values);
        return row;
    }

    Row update(String user, Table table, Row row, JsonValue data) {
        Map<Long, JsonValue> values = values(table, data);
        checkMandatory(table, values, false);
        row.values.putAll(values);
        row.lastEditBy = user;
        row.lastEditAt = TablesState.now();
        return row;
    }

    private static Map<Long, JsonValue> values(Table table, JsonValue data) {
        Map<Long, JsonValue> values = new LinkedHashMap<>();
        if (data instanceof JsonObject object) {
            object.forEach((key, value) -> values.put(columnId(table, key), value));
        } else if (data instanceof JsonArray array) {
            for (JsonValue entry : array) {
                if (entry instanceof JsonObject cell && cell.get("columnId") instanceof JsonNumber id) {
                    values.put(columnId(table, id.toString()), cell.getOrDefault("value", JsonValue.NULL));
                }
            }
        }
        return values;
    }

    private static long columnId(Table table, String key) {
        Optional<Column> column = key.matches("\\d{1,18}") ? table.columns.stream()
                .filter(candidate -> candidate.id == Long.parseLong(key)).findFirst() : Optional.empty();
        return column.orElseThrow(() -> new TablesFailure(500, TablesFailure.UNEXPECTED)).id;
    }

    private void checkMandatory(Table table, Map<Long, JsonValue> values, boolean insert) {
        if (version != NextcloudVersion.NC31) {
            return;
        }
        for (Column column : table.columns) {
            boolean given = values.containsKey(column.id);
            if (column.mandatory && (insert || given) && empty(values.getOrDefault(column.id, JsonValue.NULL))) {
                throw new TablesFailure(400, "Mandatory column \"" + column.title + "\" cannot be empty.");
            }
        }
    }

    private static boolean empty(JsonValue value) {
        return value == JsonValue.NULL || value instanceof JsonString text && text.getString().isBlank()
                || value instanceof JsonArray array && array.isEmpty();
    }
}
