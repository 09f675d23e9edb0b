package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.NoArguments;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

import static dev.ncmcp.plugin.tables.TablesPlugin.READ;

/** The tables and views there are, and what a table's columns take. */
final class TableTools {

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_tables_list_tables", NoArguments.class, TableList.class)
                        .title("List tables")
                        .description("""
                                Lists the user's Nextcloud Tables (own and shared) with their views and returns for \
                                each its id, title, emoji, description, owner, number of rows and columns, and the \
                                views (id, title, rows). Use nc_tables_get_table for a table's columns and \
                                nc_tables_read_rows for its rows.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.tables().size() + " table(s)")
                        .handler(this::listTables),
                Tool.define("nc_tables_get_table", TableId.class, TableDetail.class)
                        .title("Get table and its columns")
                        .description("""
                                Returns one table with its columns — id, title, type (text-line, number, \
                                selection, selection-check, datetime-date, …), whether mandatory, options of \
                                selections, number ranges and decimals, text limits — and its views with their \
                                columns and filters. Read it before inserting or changing rows: values are checked \
                                against these types.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::getTable));
    }

    record TableId(@Description("Table id, from nc_tables_list_tables") @Range(min = 1) long tableId) {
    }

    record ViewSummary(@Description("View id; pass it as 'viewId' to nc_tables_read_rows") long id,
                       @Description("Title") String title,
                       @Description("Emoji; empty when none") String emoji,
                       @Description("Description; empty when none") String description,
                       @Description("How many rows its filter lets through") long rowCount) {

        static ViewSummary of(JsonObject view) {
            return new ViewSummary(view.getJsonNumber("id").longValue(), text(view, "title"), text(view, "emoji"),
                    text(view, "description"), number(view, "rowsCount"));
        }
    }

    record TableSummary(@Description("Table id") long id,
                        @Description("Title") String title,
                        @Description("Emoji; empty when none") String emoji,
                        @Description("Description; empty when none") String description,
                        @Description("Account id of the owner") String owner,
                        @Description("Display name of the owner") String ownerName,
                        @Description("Number of rows") long rowCount,
                        @Description("Number of columns") long columnCount,
                        @Description("Whether it is shared with you (not your own)") boolean shared,
                        @Description("Whether it is archived") boolean archived,
                        @Description("Its views") List<ViewSummary> views) {

        static TableSummary of(JsonObject table) {
            List<ViewSummary> views = table.get("views") instanceof JsonArray array
                    ? array.getValuesAs(JsonObject.class).stream().map(ViewSummary::of).toList() : List.of();
            return new TableSummary(table.getJsonNumber("id").longValue(), text(table, "title"), text(table, "emoji"),
                    text(table, "description"), text(table, "ownership"), text(table, "ownerDisplayName"),
                    number(table, "rowsCount"), number(table, "columnsCount"), table.get("isShared") == JsonValue.TRUE,
                    table.get("archived") == JsonValue.TRUE, views);
        }
    }

    record TableList(@Description("The tables") List<TableSummary> tables) {
    }

    record ViewDetail(@Description("View id") long id,
                      @Description("Title") String title,
                      @Description("Ids of the columns it shows, in order") List<Long> columns,
                      @Description("Its filter as Tables keeps it: groups of conditions {columnId, operator, value}; "
                              + "a row is shown when all conditions of any group hold") JsonArray filter,
                      @Description("How many rows its filter lets through") long rowCount) {

        /** Tables 1.0 lists a view's columns in {@code columnSettings}, 0.9 in {@code columns}. */
        static ViewDetail of(JsonObject view) {
            JsonArray settings = view.get("columnSettings") instanceof JsonArray array ? array
                    : JsonValue.EMPTY_JSON_ARRAY;
            JsonArray ids = view.get("columns") instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
            List<Long> columns = !settings.isEmpty()
                    ? settings.getValuesAs(JsonObject.class).stream()
                            .map(setting -> setting.getJsonNumber("columnId").longValue()).toList()
                    : ids.getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
            return new ViewDetail(view.getJsonNumber("id").longValue(), text(view, "title"), columns,
                    view.get("filter") instanceof JsonArray filter ? filter : JsonValue.EMPTY_JSON_ARRAY,
                    number(view, "rowsCount"));
        }
    }

    record TableDetail(@Description("Table id") long id,
                       @Description("Title") String title,
                       @Description("Emoji; empty when none") String emoji,
                       @Description("Description; empty when none") String description,
                       @Description("Account id of the owner") String owner,
                       @Description("Number of rows") long rowCount,
                       @Description("The columns, in the table's order") List<ColumnView> columns,
                       @Description("The views of the table") List<ViewDetail> views) {
    }

    TableList listTables(NoArguments args, ToolInvocation call) throws ToolException {
        return new TableList(new TablesApi(call.nextcloud()).tables().getValuesAs(JsonObject.class).stream()
                .map(TableSummary::of).toList());
    }

    TableDetail getTable(TableId args, ToolInvocation call) throws ToolException {
        TablesApi api = new TablesApi(call.nextcloud());
        JsonObject table = api.table(args.tableId());
        List<ViewDetail> views = table.get("views") instanceof JsonArray array
                ? array.getValuesAs(JsonObject.class).stream().map(ViewDetail::of).toList() : List.of();
        return new TableDetail(args.tableId(), text(table, "title"), text(table, "emoji"), text(table, "description"),
                text(table, "ownership"), number(table, "rowsCount"), Columns.of(api.columns(args.tableId())).all(),
                views);
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString value ? value.getString() : "";
    }

    private static long number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber value ? value.longValue() : 0;
    }
}
