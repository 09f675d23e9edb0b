package dev.ncmcp.simulator.tables;

import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/** A row: its values by column id, in the order they were first set. */
final class Row {
    final long id;
    final long tableId;
    final String createdBy;
    final String createdAt;
    String lastEditBy;
    String lastEditAt;
    final Map<Long, JsonValue> values = new LinkedHashMap<>();

    Row(long id, long tableId, String createdBy, String createdAt) {
        this.id = id;
        this.tableId = tableId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.lastEditBy = createdBy;
        this.lastEditAt = createdAt;
    }
}
