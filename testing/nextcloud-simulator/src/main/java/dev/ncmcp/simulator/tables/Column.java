package dev.ncmcp.simulator.tables;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

/**
 * A column of a table. Values a creation request left out are null until the column is read back from the
 * database, where integers become 0 and flags false ({@code tables/03} against {@code tables/06}).
 */
final class Column {
    final long id;
    final long tableId;
    final String createdBy;
    final String createdAt;
    String title;
    String type;
    String subtype = "";
    boolean mandatory;
    String description = "";
    JsonValue numberDefault = JsonValue.NULL;
    JsonValue numberMin = JsonValue.NULL;
    JsonValue numberMax = JsonValue.NULL;
    Long numberDecimals;
    String numberPrefix = "";
    String numberSuffix = "";
    String textDefault;
    String textAllowedPattern;
    Long textMaxLength;
    Boolean textUnique;
    /** {@code [{"id":1,"label":"…"}, …]} */
    JsonArray selectionOptions = JsonValue.EMPTY_JSON_ARRAY;
    /** "" when created through API v1, null through OCS. */
    String selectionDefault;
    String datetimeDefault;
    Boolean usergroupMultipleItems;
    Boolean usergroupSelectUsers;
    Boolean usergroupSelectGroups;
    Boolean usergroupSelectTeams;
    Boolean showUserStatus;

    Column(long id, long tableId, String title, String type, String createdBy, String createdAt) {
        this.id = id;
        this.tableId = tableId;
        this.title = title;
        this.type = type;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** {@code text-line}, {@code number-stars}, {@code selection}: the type and subtype as the UI names them. */
    String kind() {
        return subtype.isEmpty() ? type : type + "-" + subtype;
    }
}
