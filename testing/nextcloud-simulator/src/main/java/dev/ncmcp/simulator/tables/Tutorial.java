package dev.ncmcp.simulator.tables;

import jakarta.json.Json;

import java.util.List;

/**
 * The table the app gives every user on first use ({@code tables/01}): four columns, seven rows, and the view
 * "Check yourself!" of the rows not yet done.
 */
final class Tutorial {
    private static final List<String[]> ROWS = List.of(
            new String[] {"Open the Tables app", "You did it already.", "5", "true"},
            new String[] {"Add a row", "Click \"Create row\" above the table.", "5", "false"},
            new String[] {"Edit a row", "Click the pencil at the end of a row.", "4", "false"},
            new String[] {"Add a column", "Open the table menu and choose \"Create column\".", "4", "false"},
            new String[] {"Filter and sort", "Use the menu of a column header.", "3", "false"},
            new String[] {"Create a view", "Save a filtered selection as a view.", "3", "false"},
            new String[] {"Share a table", "Share it with people or groups from the sidebar.", "4", "false"});

    private Tutorial() {
    }

    static void create(TablesState state, String user) {
        Table table = state.createTable(user, "Welcome to Nextcloud Tables!", "🚀", "");
        Column what = text(state, table, user, "What", "line");
        Column how = text(state, table, user, "How to do", "rich");
        Column ease = state.addColumn(table, "Ease of use", "number", user);
        ease.subtype = "stars";
        ease.numberDecimals = 0L;
        Column done = state.addColumn(table, "Done", "selection", user);
        done.subtype = "check";
        done.selectionDefault = "false";
        for (String[] values : ROWS) {
            Row row = state.addRow(table, user);
            row.values.put(what.id, Json.createValue(values[0]));
            row.values.put(how.id, Json.createValue(values[1]));
            row.values.put(ease.id, Json.createValue(Integer.parseInt(values[2])));
            row.values.put(done.id, Json.createValue(values[3]));
        }
        SavedView view = state.addView(table, "Check yourself!", "🏁", List.of(what.id, how.id, ease.id, done.id));
        view.filter = Json.createArrayBuilder().add(Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("columnId", done.id).add("operator", "is-equal").add("value", "@unchecked"))).build();
    }

    private static Column text(TablesState state, Table table, String user, String title, String subtype) {
        Column column = state.addColumn(table, title, "text", user);
        column.subtype = subtype;
        column.textDefault = "";
        column.selectionDefault = "";
        column.datetimeDefault = "";
        return column;
    }
}
