package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.NextcloudVersion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What both APIs do, on the shared state; refusals are {@link TablesFailure}s. Callers synchronise on the state. */
final class TablesOperations {
    private final TablesState state;
    private final TablesJson json;
    private final RowWrites rows;
    private final NextcloudVersion version;

    TablesOperations(TablesState state, TablesJson json, NextcloudVersion version) {
        this.state = state;
        this.json = json;
        this.rows = new RowWrites(state, version);
        this.version = version;
    }

    JsonArray tables(String user) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        state.ownedBy(user).forEach(table -> list.add(json.table(table)));
        return list.build();
    }

    JsonObject table(String user, long id) {
        return json.table(owned(user, id));
    }

    /** {@code template} "custom" (and any the simulator does not know) gives a table without columns. */
    JsonObject createTable(String user, JsonObject params) {
        String title = params.getString("title", "");
        if (title.isBlank()) {
            throw new TablesFailure(400, "A table needs a title.");
        }
        return json.table(state.createTable(user, title, params.getString("emoji", null),
                params.getString("description", "")));
    }

    JsonObject updateTable(String user, long id, JsonObject params) {
        Table table = owned(user, id);
        if (params.get("title") instanceof JsonString title && !title.getString().isBlank()) {
            table.title = title.getString();
        }
        if (params.get("emoji") instanceof JsonString emoji) {
            table.emoji = emoji.getString();
        }
        if (params.get("description") instanceof JsonString description) {
            table.description = description.getString();
        }
        table.lastEditAt = TablesState.now();
        return json.table(table);
    }

    JsonObject deleteTable(String user, long id) {
        Table table = owned(user, id);
        state.delete(table);
        return json.table(table, true);
    }

    JsonArray columns(String user, long tableId) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        owned(user, tableId).columns.forEach(column -> list.add(json.column(column, false)));
        return list.build();
    }

    JsonObject column(String user, long id) {
        return state.ownedBy(user).stream().flatMap(table -> table.columns.stream())
                .filter(column -> column.id == id).findFirst().map(column -> json.column(column, false))
                .orElseThrow(TablesFailure::noTable);
    }

    JsonObject createColumn(String user, long tableId, String type, JsonObject params, boolean apiV1) {
        Table table = owned(user, tableId);
        String title = params.getString("title", "");
        if (title.isBlank() || type.isBlank()) {
            throw new TablesFailure(400, "A column needs a title and a type.");
        }
        Column column = state.addColumn(table, title, type, user);
        ColumnParameters.apply(column, params, apiV1);
        return json.column(column, true);
    }

    /** {@code tables/…/scheme}: what an export of the table holds. */
    JsonObject scheme(String user, long tableId) {
        Table table = owned(user, tableId);
        JsonObject full = json.table(table);
        JsonArrayBuilder columns = Json.createArrayBuilder();
        table.columns.forEach(column -> columns.add(json.column(column, false)));
        return Json.createObjectBuilder()
                .add("title", table.title)
                .add("emoji", full.get("emoji"))
                .add("columns", columns)
                .add("views", full.get("views"))
                .add("description", full.getString("description"))
                .add("tablesVersion", version == NextcloudVersion.NC31 ? "1.0.9" : "0.9.11")
                .build();
    }

    String schemeFileName(String user, long tableId) {
        return owned(user, tableId).title + ".json";
    }

    JsonArray rows(String user, long tableId, Map<String, String> query) {
        Table table = owned(user, tableId);
        return page(table.rows, query);
    }

    /** {@code rows/simple}: the column titles, then each row's values in column order. */
    JsonArray simpleRows(String user, long tableId) {
        Table table = owned(user, tableId);
        JsonArrayBuilder header = Json.createArrayBuilder();
        table.columns.forEach(column -> header.add(column.title));
        JsonArrayBuilder list = Json.createArrayBuilder().add(header);
        for (Row row : table.rows) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            table.columns.forEach(column -> values.add(row.values.getOrDefault(column.id, JsonValue.NULL)));
            list.add(values);
        }
        return list.build();
    }

    JsonArray views(String user, long tableId) {
        Table table = owned(user, tableId);
        JsonArrayBuilder list = Json.createArrayBuilder();
        table.views.forEach(view -> list.add(json.view(view, table)));
        return list.build();
    }

    JsonObject view(String user, long id) {
        SavedView view = state.view(user, id).orElseThrow(TablesFailure::noTable);
        return json.view(view, state.table(user, view.tableId).orElseThrow());
    }

    /** The rows a view lets through, with only the view's columns. */
    JsonArray viewRows(String user, long viewId, Map<String, String> query) {
        SavedView view = state.view(user, viewId).orElseThrow(TablesFailure::noTable);
        Table table = state.table(user, view.tableId).orElseThrow();
        Predicate<Row> shown = row -> ViewFilter.lets(view, table, row);
        List<Row> visible = table.rows.stream().filter(shown).map(row -> onlyColumns(row, view.columns)).toList();
        return page(visible, query);
    }

    JsonObject row(String user, long id) {
        return json.row(state.row(user, id).orElseThrow(TablesFailure::noRow), false);
    }

    JsonObject insertRow(String user, long tableId, JsonValue data) {
        return json.row(rows.insert(user, owned(user, tableId), data), true);
    }

    JsonObject insertViewRow(String user, long viewId, JsonValue data) {
        SavedView view = state.view(user, viewId).orElseThrow(TablesFailure::noTable);
        return insertRow(user, view.tableId, data);
    }

    /** The answer shows the row as it was read before the change was saved, times included ({@code tables/17}). */
    JsonObject updateRow(String user, long id, JsonValue data) {
        Row row = state.row(user, id).orElseThrow(TablesFailure::noRow);
        String lastEditAt = row.lastEditAt;
        rows.update(user, state.tableOf(row), row, data);
        JsonObject saved = json.row(row, false);
        return Json.createObjectBuilder(saved).add("lastEditAt", lastEditAt).build();
    }

    JsonObject deleteRow(String user, long id) {
        Row row = state.row(user, id).orElseThrow(TablesFailure::noRow);
        state.tableOf(row).rows.remove(row);
        return json.row(row, false);
    }

    JsonObject init(String user) {
        return Json.createObjectBuilder().add("tables", tables(user)).add("views", Json.createArrayBuilder()).build();
    }

    private Table owned(String user, long id) {
        return state.table(user, id).orElseThrow(TablesFailure::noTable);
    }

    private JsonArray page(List<Row> all, Map<String, String> query) {
        int offset = number(query.get("offset"), 0);
        int limit = number(query.get("limit"), Integer.MAX_VALUE);
        JsonArrayBuilder list = Json.createArrayBuilder();
        all.stream().skip(offset).limit(limit).forEach(row -> list.add(json.row(row, false)));
        return list.build();
    }

    private static Row onlyColumns(Row row, List<Long> columns) {
        Row shown = new Row(row.id, row.tableId, row.createdBy, row.createdAt);
        shown.lastEditBy = row.lastEditBy;
        shown.lastEditAt = row.lastEditAt;
        row.values.forEach((column, value) -> {
            if (columns.contains(column)) {
                shown.values.put(column, value);
            }
        });
        return shown;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
