package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ncmcp.plugin.tables.TablesPlugin.READ;
import static dev.ncmcp.plugin.tables.TablesPlugin.WRITE;

/** Reading, inserting, changing and deleting rows. */
final class RowTools {

    /** Rows asked of Tables at once while looking for the rows a filter lets through. */
    static final int CHUNK = 500;
    private static final String VALUES = "The values by column title or id, e.g. {\"Item\": \"Apples\", "
            + "\"Quantity\": 12, \"Category\": \"Fruit\", \"Done\": false, \"Due\": \"2025-06-30\"}; see "
            + "nc_tables_get_table for what each column takes";

    private final int scanLimit;

    RowTools(int scanLimit) {
        this.scanLimit = scanLimit;
    }

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_tables_read_rows", ReadRows.class, Rows.class)
                        .title("Read rows")
                        .description("""
                                Reads the rows of a table, or of a view (only the rows its filter lets through, with \
                                its columns), and returns each row's id and values by column title, a page at a time. \
                                'filters' narrow the rows further: all must hold (e.g. {"column": "Quantity", \
                                "operator": "less_than", "value": 5}). Selections come as their labels, check \
                                columns as true/false, dates as YYYY-MM-DD.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(rows -> rows.rows().size() + " of " + rows.total() + " row(s)")
                        .handler(this::readRows),
                Tool.define("nc_tables_get_row", RowId.class, RowView.class)
                        .title("Get row")
                        .description("Returns one row by id: its table, its values by column title and who changed "
                                + "it when.")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::getRow),
                Tool.define("nc_tables_insert_row", InsertRow.class, RowView.class)
                        .title("Insert row")
                        .description("""
                                Adds a row to a table and returns it with its id. Each value is checked against its \
                                column before anything is sent (type, mandatory columns, number range and \
                                decimals, text length, selection options); a mistake names the column and what \
                                it takes.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::insertRow),
                Tool.define("nc_tables_update_row", UpdateRow.class, RowView.class)
                        .title("Update row")
                        .description("""
                                Changes the given values of a row (the other columns keep theirs; null empties a \
                                cell), checked against the columns first, and returns the row as it is now.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateRow),
                Tool.define("nc_tables_delete_row", RowId.class, Deleted.class)
                        .title("Delete row")
                        .description("Deletes a row of a table for good. Confirm with the user first; returns the "
                                + "id of the deleted row.")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .summary(deleted -> "Deleted row " + deleted.id() + ".")
                        .handler(this::deleteRow));
    }

    // ---- nc_tables_read_rows

    record ReadRows(
            @Description("The table to read, from nc_tables_list_tables") @Range(min = 1) Optional<Long> tableId,
            @Description("Or a view of a table, to read only the rows its filter lets through") @Range(min = 1)
            Optional<Long> viewId,
            @Description("Conditions on columns that every row returned meets") List<RowFilter> filters,
            @Description("Maximum number of rows to return") @Range(min = 1, max = 500) @Default("50") int limit,
            @Description("The nextCursor of the previous call, to continue") Optional<String> cursor) {
        ReadRows {
            if (tableId.isPresent() == viewId.isPresent()) {
                throw new IllegalArgumentException("give exactly one of 'tableId' and 'viewId'");
            }
        }
    }

    record Rows(@Description("The rows of this page") List<RowView> rows,
                @Description("How many rows there are (with filters: how many of the rows read match)") int total,
                @Description("Pass as 'cursor' to get the next page; absent on the last page")
                Optional<String> nextCursor,
                @Description("With filters: false when the table has more rows than were read to apply them "
                        + "(plugins.tables.scan.limit); the matches then cover only the first rows")
                boolean complete) {
    }

    Rows readRows(ReadRows args, ToolInvocation call) throws ToolException {
        TablesApi api = new TablesApi(call.nextcloud());
        int offset = RowCursor.offset(args.cursor());
        long tableId = args.tableId().orElse(0L);
        long total;
        if (args.viewId().isPresent()) {
            JsonObject view = api.view(args.viewId().get());
            tableId = view.getJsonNumber("tableId").longValue();
            total = view.getJsonNumber("rowsCount").longValue();
        } else {
            total = api.table(tableId).getJsonNumber("rowsCount").longValue();
        }
        Columns columns = Columns.of(api.columns(tableId));
        List<Bound> filters = new ArrayList<>();
        for (RowFilter filter : args.filters()) {
            filters.add(new Bound(columns.key(columns.named("filters", filter.column())), filter));
        }
        RowSource source = (from, count) -> args.viewId().isPresent()
                ? api.viewRows(args.viewId().get(), from, count)
                : api.tableRows(args.tableId().orElseThrow(), from, count);
        if (filters.isEmpty()) {
            List<RowView> page = rows(source.read(offset, args.limit()), columns);
            boolean more = offset + page.size() < total;
            Optional<String> next = more ? Optional.of(RowCursor.at(offset + page.size())) : Optional.empty();
            return new Rows(page, (int) total, next, true);
        }
        List<RowView> matches = new ArrayList<>();
        int read = 0;
        while (read < Math.min(total, scanLimit)) {
            int wanted = Math.min(CHUNK, scanLimit - read);
            JsonArray chunk = source.read(read, wanted);
            rows(chunk, columns).stream().filter(row -> filters.stream().allMatch(bound -> bound.accepts(row)))
                    .forEach(matches::add);
            read += chunk.size();
            if (chunk.size() < wanted) {
                break;
            }
        }
        boolean complete = read >= total;
        List<RowView> page = matches.subList(Math.min(offset, matches.size()),
                Math.min(offset + args.limit(), matches.size()));
        boolean more = offset + page.size() < matches.size();
        return new Rows(List.copyOf(page), matches.size(),
                more ? Optional.of(RowCursor.at(offset + page.size())) : Optional.empty(), complete);
    }

    /** A filter with the key its column's values have in the rows. */
    private record Bound(String key, RowFilter filter) {
        boolean accepts(RowView row) {
            return filter.accepts(row.values().getOrDefault(key, JsonValue.NULL));
        }
    }

    @FunctionalInterface
    private interface RowSource {
        JsonArray read(int offset, int limit) throws ToolException;
    }

    private static List<RowView> rows(JsonArray json, Columns columns) {
        return json.getValuesAs(JsonObject.class).stream().map(row -> RowView.of(row, columns)).toList();
    }

    // ---- nc_tables_get_row, nc_tables_delete_row

    record RowId(@Description("Row id, from nc_tables_read_rows") @Range(min = 1) long rowId) {
    }

    record Deleted(@Description("Id of the deleted row") long id,
                   @Description("Always true: the row is gone") boolean deleted) {
    }

    RowView getRow(RowId args, ToolInvocation call) throws ToolException {
        TablesApi api = new TablesApi(call.nextcloud());
        JsonObject row = api.row(args.rowId());
        return RowView.of(row, Columns.of(api.columns(row.getJsonNumber("tableId").longValue())));
    }

    Deleted deleteRow(RowId args, ToolInvocation call) throws ToolException {
        new TablesApi(call.nextcloud()).delete(args.rowId());
        return new Deleted(args.rowId(), true);
    }

    // ---- nc_tables_insert_row

    record InsertRow(@Description("The table to add the row to") @Range(min = 1) long tableId,
                     @Description(VALUES) @Length(min = 1) Map<String, JsonValue> values) {
    }

    RowView insertRow(InsertRow args, ToolInvocation call) throws ToolException {
        TablesApi api = new TablesApi(call.nextcloud());
        Columns columns = Columns.of(api.columns(args.tableId()));
        JsonObject data = data(columns, args.values());
        // Tables 0.9 stores a row without its mandatory columns (tables/11-nc29): refuse it here for both versions
        for (ColumnView column : columns.all()) {
            if (column.mandatory() && CellValues.empty(data.get(Long.toString(column.id())))) {
                throw ToolException.invalidArgument("Column '" + columns.key(column) + "' is mandatory: give it a "
                        + "value in 'values'.");
            }
        }
        return RowView.of(api.insert(args.tableId(), data), columns);
    }

    // ---- nc_tables_update_row

    record UpdateRow(@Description("The row to change, from nc_tables_read_rows") @Range(min = 1) long rowId,
                     @Description(VALUES + "; null empties a cell") @Length(min = 1) Map<String, JsonValue> values) {
    }

    RowView updateRow(UpdateRow args, ToolInvocation call) throws ToolException {
        TablesApi api = new TablesApi(call.nextcloud());
        JsonObject row = api.row(args.rowId());
        Columns columns = Columns.of(api.columns(row.getJsonNumber("tableId").longValue()));
        return RowView.of(api.update(args.rowId(), data(columns, args.values())), columns);
    }

    /** The values as Tables' {@code data}: column id → stored value, each checked against its column. */
    private static JsonObject data(Columns columns, Map<String, JsonValue> values) throws ToolException {
        JsonObjectBuilder data = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> value : values.entrySet()) {
            ColumnView column = columns.named("values", value.getKey());
            data.add(Long.toString(column.id()), CellValues.forTables(column, columns.key(column), value.getValue()));
        }
        return data.build();
    }
}
