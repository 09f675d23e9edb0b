package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A row with its values by column, in the table's column order. */
record RowView(
        @Description("Row id; pass it to nc_tables_update_row or nc_tables_delete_row") long id,
        @Description("Id of the row's table") long tableId,
        @Description("The values by column title (see nc_tables_get_table for their types); empty cells are left out")
        Map<String, JsonValue> values,
        @Description("Account that created the row") Optional<String> createdBy,
        @Description("When the row was created, YYYY-MM-DD HH:mm:ss UTC") Optional<String> createdAt,
        @Description("Account that changed the row last") Optional<String> lastEditBy,
        @Description("When the row was last changed, YYYY-MM-DD HH:mm:ss UTC") Optional<String> lastEditAt) {

    static RowView of(JsonObject row, Columns columns) {
        Map<Long, JsonValue> cells = new LinkedHashMap<>();
        if (row.get("data") instanceof JsonArray data) {
            for (JsonObject cell : data.getValuesAs(JsonObject.class)) {
                if (cell.get("columnId") instanceof JsonNumber column) {
                    cells.put(column.longValue(), cell.getOrDefault("value", JsonValue.NULL));
                }
            }
        }
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (ColumnView column : columns.all()) {
            JsonValue value = CellValues.readable(column, cells.get(column.id()));
            if (!CellValues.empty(value)) {
                values.put(columns.key(column), value);
            }
        }
        return new RowView(row.getJsonNumber("id").longValue(),
                row.get("tableId") instanceof JsonNumber table ? table.longValue() : 0, values,
                text(row, "createdBy"), text(row, "createdAt"), text(row, "lastEditBy"), text(row, "lastEditAt"));
    }

    private static Optional<String> text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }
}
