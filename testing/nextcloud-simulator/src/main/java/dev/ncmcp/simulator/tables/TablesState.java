package dev.ncmcp.simulator.tables;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every table of the server, with one id sequence each for tables, columns, rows and views. A user's first request
 * gives him the tutorial table, as the app does on first use. Callers synchronise on the state.
 */
final class TablesState {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Map<Long, Table> tables = new LinkedHashMap<>();
    private final Set<String> introduced = new HashSet<>();
    private long lastTable;
    private long lastColumn;
    private long lastRow;
    private long lastView;

    static String now() {
        return TIME.format(Instant.now());
    }

    /** Creates the user's tutorial table the first time he uses the app. */
    void introduce(String user) {
        if (introduced.add(user)) {
            Tutorial.create(this, user);
        }
    }

    List<Table> ownedBy(String user) {
        return tables.values().stream().filter(table -> table.owner.equals(user)).toList();
    }

    /** A table the user may use: only his own (the simulator has no table shares). */
    Optional<Table> table(String user, long id) {
        return Optional.ofNullable(tables.get(id)).filter(table -> table.owner.equals(user));
    }

    Optional<Row> row(String user, long id) {
        return ownedBy(user).stream().flatMap(table -> table.rows.stream()).filter(row -> row.id == id).findFirst();
    }

    Optional<SavedView> view(String user, long id) {
        return ownedBy(user).stream().flatMap(table -> table.views.stream()).filter(view -> view.id == id).findFirst();
    }

    Table createTable(String owner, String title, String emoji, String description) {
        Table table = new Table(++lastTable, owner, title, emoji, description, now());
        tables.put(table.id, table);
        return table;
    }

    void delete(Table table) {
        tables.remove(table.id);
        table.rows.clear();
        table.columns.clear();
        table.views.clear();
    }

    Column addColumn(Table table, String title, String type, String by) {
        Column column = new Column(++lastColumn, table.id, title, type, by, now());
        table.columns.add(column);
        return column;
    }

    Row addRow(Table table, String by) {
        Row row = new Row(++lastRow, table.id, by, now());
        table.rows.add(row);
        return row;
    }

    SavedView addView(Table table, String title, String emoji, List<Long> columns) {
        SavedView view = new SavedView(++lastView, table.id, table.owner, title, emoji, List.copyOf(columns), now());
        table.views.add(view);
        return view;
    }

    Table tableOf(Row row) {
        return tables.get(row.tableId);
    }
}
