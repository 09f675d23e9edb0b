package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.NextcloudVersion;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/** Tables, views, columns and rows in the app's JSON, key for key, as Tables 1.0 or 0.9 writes them. */
final class TablesJson {
    /** One provider for every row: {@code Json.*} looks the provider up again on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Accounts accounts;
    private final NextcloudVersion version;

    TablesJson(Accounts accounts, NextcloudVersion version) {
        this.accounts = accounts;
        this.version = version;
    }

    private boolean nc31() {
        return version == NextcloudVersion.NC31;
    }

    JsonObject table(Table table) {
        return table(table, false);
    }

    /** {@code deleted}: the answer to the delete, made after the table's rows, columns and owner were let go. */
    JsonObject table(Table table, boolean deleted) {
        JsonArrayBuilder views = JSON.createArrayBuilder();
        table.views.forEach(view -> views.add(view(view, table)));
        return JSON.createObjectBuilder()
                .add("id", table.id)
                .add("title", table.title)
                .add("emoji", table.emoji == null ? JsonValue.NULL : JSON.createValue(table.emoji))
                .add("ownership", table.owner)
                .add("ownerDisplayName", deleted ? "" : accounts.displayName(table.owner))
                .add("createdBy", table.owner)
                .add("createdAt", table.createdAt)
                .add("lastEditBy", table.owner)
                .add("lastEditAt", table.lastEditAt)
                .add("archived", false)
                .add("isShared", false)
                .add("favorite", false)
                .addNull("onSharePermissions")
                .add("hasShares", false)
                .add("rowsCount", table.rows.size())
                .add("columnsCount", table.columns.size())
                .add("views", views)
                .add("description", table.description == null ? "" : table.description)
                .build();
    }

    JsonObject view(SavedView view, Table table) {
        JsonArrayBuilder settings = JSON.createArrayBuilder();
        for (int order = 0; order < view.columns.size(); order++) {
            JsonObjectBuilder setting = JSON.createObjectBuilder().add("columnId", view.columns.get(order))
                    .add("order", order);
            if (nc31()) {
                setting.add("readonly", false).add("mandatory", false);
            }
            settings.add(setting);
        }
        long rows = table.rows.stream().filter(row -> ViewFilter.lets(view, table, row)).count();
        return JSON.createObjectBuilder()
                .add("id", view.id)
                .add("tableId", view.tableId)
                .add("title", view.title)
                .add("description", view.description)
                .add("emoji", view.emoji == null ? JsonValue.NULL : JSON.createValue(view.emoji))
                .add("ownership", view.owner)
                .add("createdBy", view.owner)
                .add("createdAt", view.createdAt)
                .add("lastEditBy", view.owner)
                .add("lastEditAt", view.createdAt)
                .add("columns", nc31() ? JSON.createArrayBuilder() : JSON.createArrayBuilder(view.columns))
                .add("columnSettings", settings)
                .add("sort", view.sort)
                .add("isShared", false)
                .add("favorite", false)
                .addNull("onSharePermissions")
                .add("hasShares", false)
                .add("rowsCount", rows)
                .add("ownerDisplayName", accounts.displayName(view.owner))
                .add("filter", view.filter)
                .build();
    }

    /** {@code fresh}: the answer to the creation, before the database filled in 0 and false for what was not given. */
    JsonObject column(Column column, boolean fresh) {
        JsonValue unset = fresh ? JsonValue.NULL : JsonValue.FALSE;
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", column.id)
                .add("tableId", column.tableId)
                .add("title", column.title)
                .add("createdBy", column.createdBy)
                .add("createdByDisplayName", accounts.displayName(column.createdBy))
                .add("createdAt", column.createdAt)
                .add("lastEditBy", column.createdBy)
                .add("lastEditByDisplayName", accounts.displayName(column.createdBy))
                .add("lastEditAt", column.createdAt);
        if (nc31()) {
            json.addNull("viewColumnInformation");
        }
        json.add("type", column.type)
                .add("subtype", column.subtype)
                .add("mandatory", column.mandatory)
                .add("description", column.description)
                .add("numberDefault", column.numberDefault)
                .add("numberMin", column.numberMin)
                .add("numberMax", column.numberMax)
                .add("numberDecimals", column.numberDecimals != null ? JSON.createValue(column.numberDecimals)
                        : fresh ? JsonValue.NULL : JSON.createValue(0))
                .add("numberPrefix", column.numberPrefix)
                .add("numberSuffix", column.numberSuffix)
                .add("textDefault", text(column.textDefault))
                .add("textAllowedPattern", text(column.textAllowedPattern))
                .add("textMaxLength", column.textMaxLength == null ? JsonValue.NULL
                        : JSON.createValue(column.textMaxLength));
        if (nc31()) {
            json.add("textUnique", flag(column.textUnique, unset));
        }
        json.add("selectionOptions", column.selectionOptions)
                .add("selectionDefault", text(column.selectionDefault))
                .add("datetimeDefault", text(column.datetimeDefault))
                .add("usergroupDefault", JSON.createArrayBuilder())
                .add("usergroupMultipleItems", flag(column.usergroupMultipleItems, unset))
                .add("usergroupSelectUsers", flag(column.usergroupSelectUsers, unset))
                .add("usergroupSelectGroups", flag(column.usergroupSelectGroups, unset))
                .add("usergroupSelectTeams", flag(column.usergroupSelectTeams, unset))
                .add("showUserStatus", flag(column.showUserStatus, unset));
        if (nc31()) {
            json.add("customSettings", JsonValue.EMPTY_JSON_OBJECT);
        }
        return json.build();
    }

    /** {@code fresh}: the answer to the insert, which Tables writes before it knows who and when. */
    JsonObject row(Row row, boolean fresh) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (Map.Entry<Long, JsonValue> value : row.values.entrySet()) {
            data.add(JSON.createObjectBuilder().add("columnId", value.getKey()).add("value", value.getValue()));
        }
        return JSON.createObjectBuilder()
                .add("id", row.id)
                .add("tableId", row.tableId)
                .add("createdBy", fresh ? JsonValue.NULL : JSON.createValue(row.createdBy))
                .add("createdAt", fresh ? JsonValue.NULL : JSON.createValue(row.createdAt))
                .add("lastEditBy", fresh ? JsonValue.NULL : JSON.createValue(row.lastEditBy))
                .add("lastEditAt", fresh ? JsonValue.NULL : JSON.createValue(row.lastEditAt))
                .add("data", data)
                .build();
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    private static JsonValue flag(Boolean value, JsonValue unset) {
        return value == null ? unset : value ? JsonValue.TRUE : JsonValue.FALSE;
    }
}
