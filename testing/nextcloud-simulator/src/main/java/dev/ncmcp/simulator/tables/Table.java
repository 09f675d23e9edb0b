package dev.ncmcp.simulator.tables;

import java.util.ArrayList;
import java.util.List;

/** A table with its columns, rows and views, owned by one user. */
final class Table {
    final long id;
    final String owner;
    final String createdAt;
    String title;
    String emoji;
    String description;
    String lastEditAt;
    final List<Column> columns = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final List<SavedView> views = new ArrayList<>();

    Table(long id, String owner, String title, String emoji, String description, String createdAt) {
        this.id = id;
        this.owner = owner;
        this.title = title;
        this.emoji = emoji;
        this.description = description;
        this.createdAt = createdAt;
        this.lastEditAt = createdAt;
    }
}
