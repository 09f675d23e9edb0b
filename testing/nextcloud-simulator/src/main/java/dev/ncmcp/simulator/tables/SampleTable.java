package dev.ncmcp.simulator.tables;

import jakarta.json.Json;

import java.util.List;

/** The demo's own table, with a column of each common type: a reading list. */
final class SampleTable {
    private SampleTable() {
    }

    static void create(TablesState state, String user) {
        Table table = state.createTable(user, "Reading list", "📚", "Books to read");
        Column title = state.addColumn(table, "Title", "text", user);
        title.subtype = "line";
        title.mandatory = true;
        title.textMaxLength = 200L;
        Column pages = state.addColumn(table, "Pages", "number", user);
        pages.numberMin = Json.createValue(1);
        pages.numberMax = Json.createValue(5000);
        pages.numberDecimals = 0L;
        Column genre = state.addColumn(table, "Genre", "selection", user);
        genre.selectionOptions = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", 1).add("label", "Novel"))
                .add(Json.createObjectBuilder().add("id", 2).add("label", "Science"))
                .add(Json.createObjectBuilder().add("id", 3).add("label", "History")).build();
        Column finished = state.addColumn(table, "Finished", "datetime", user);
        finished.subtype = "date";
        Column read = state.addColumn(table, "Read", "selection", user);
        read.subtype = "check";
        book(state, table, user, List.of(title.id, pages.id, genre.id, finished.id, read.id),
                "The Hobbit", 310, 1, "2024-03-01", "true");
        book(state, table, user, List.of(title.id, pages.id, genre.id, finished.id, read.id),
                "A Brief History of Time", 256, 2, null, "false");
        SavedView unread = state.addView(table, "To read", "📖", List.of(title.id, pages.id, genre.id));
        unread.filter = Json.createArrayBuilder().add(Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("columnId", read.id).add("operator", "is-equal").add("value", "@unchecked"))).build();
    }

    private static void book(TablesState state, Table table, String user, List<Long> columns, String title, int pages,
                             int genre, String finished, String read) {
        Row row = state.addRow(table, user);
        row.values.put(columns.get(0), Json.createValue(title));
        row.values.put(columns.get(1), Json.createValue(pages));
        row.values.put(columns.get(2), Json.createValue(genre));
        if (finished != null) {
            row.values.put(columns.get(3), Json.createValue(finished));
        }
        row.values.put(columns.get(4), Json.createValue(read));
    }
}
