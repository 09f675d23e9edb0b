package dev.ncmcp.simulator.tables;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * A view of a table: some of its columns and the rows its filter lets through. The filter is a list of groups of
 * conditions {@code {"columnId","operator","value"}}: a row passes when all conditions of any group hold.
 */
final class SavedView {
    final long id;
    final long tableId;
    final String owner;
    final String createdAt;
    String title;
    String description = "";
    String emoji;
    List<Long> columns;
    JsonArray filter = JsonValue.EMPTY_JSON_ARRAY;
    JsonArray sort = JsonValue.EMPTY_JSON_ARRAY;

    SavedView(long id, long tableId, String owner, String title, String emoji, List<Long> columns, String createdAt) {
        this.id = id;
        this.tableId = tableId;
        this.owner = owner;
        this.title = title;
        this.emoji = emoji;
        this.columns = columns;
        this.createdAt = createdAt;
    }
}
