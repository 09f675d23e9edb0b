package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Ocs;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Tables API: v1 ({@code /index.php/apps/tables/api/1}) to read tables, columns, views and rows and to change
 * and delete rows, v2 over OCS to list tables and insert rows. Tables answers a table or view the user may not see
 * with an empty 404 and a missing row with a 404 naming the database query; both become NOT_FOUND errors that say
 * where to look instead.
 */
final class TablesApi {

    static final String V1 = "/index.php/apps/tables/api/1";
    static final String V2 = "/ocs/v2.php/apps/tables/api/2";

    private final NextcloudClient client;

    TablesApi(NextcloudClient client) {
        this.client = client;
    }

    JsonArray tables() throws ToolException {
        NextcloudRequest request = Ocs.request("GET", V2 + "/tables").build();
        JsonValue data = Ocs.data(request.method(), request.path(), check(client.send(request), "your tables", null));
        return array(data, "the table list");
    }

    JsonObject table(long id) throws ToolException {
        return object(get(V1 + "/tables/" + id, Map.of(), "table " + id, noTable(id)), "table " + id);
    }

    JsonArray columns(long tableId) throws ToolException {
        String subject = "the columns of table " + tableId;
        return array(get(V1 + "/tables/" + tableId + "/columns", Map.of(), subject, noTable(tableId)), subject);
    }

    JsonObject view(long id) throws ToolException {
        return object(get(V1 + "/views/" + id, Map.of(), "view " + id, noView(id)), "view " + id);
    }

    JsonArray tableRows(long tableId, int offset, int limit) throws ToolException {
        String subject = "the rows of table " + tableId;
        return array(get(V1 + "/tables/" + tableId + "/rows", page(offset, limit), subject, noTable(tableId)), subject);
    }

    JsonArray viewRows(long viewId, int offset, int limit) throws ToolException {
        String subject = "the rows of view " + viewId;
        return array(get(V1 + "/views/" + viewId + "/rows", page(offset, limit), subject, noView(viewId)), subject);
    }

    JsonObject row(long id) throws ToolException {
        return object(get(V1 + "/rows/" + id, Map.of(), "row " + id, noRow(id)), "row " + id);
    }

    JsonObject insert(long tableId, JsonObject data) throws ToolException {
        NextcloudRequest request = Ocs.request("POST", V2 + "/tables/" + tableId + "/rows")
                .json(Json.createObjectBuilder().add("data", data).build()).build();
        NextcloudResponse response = check(client.send(request), "table " + tableId, noTable(tableId));
        return object(Ocs.data(request.method(), request.path(), response), "the new row");
    }

    JsonObject update(long rowId, JsonObject data) throws ToolException {
        NextcloudRequest request = NextcloudRequest.put(V1 + "/rows/" + rowId)
                .json(Json.createObjectBuilder().add("data", data).build()).build();
        return object(check(client.send(request), "row " + rowId, noRow(rowId)).json(), "row " + rowId);
    }

    void delete(long rowId) throws ToolException {
        check(client.send(NextcloudRequest.delete(V1 + "/rows/" + rowId).header("Accept", "application/json").build()),
                "row " + rowId, noRow(rowId));
    }

    private JsonValue get(String path, Map<String, String> query, String subject, ToolException missing)
            throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.get(path).header("Accept", "application/json");
        query.forEach(request::query);
        return check(client.send(request.build()), subject, missing).json();
    }

    /** Tables' refusals: the empty 404 of what the user may not see, and {@code message} (also inside OCS data). */
    private static NextcloudResponse check(NextcloudResponse response, String subject, ToolException missing)
            throws ToolException {
        Optional<String> message = message(response);
        return Answer.of(response).about(subject)
                .on(404, refusal -> missing)
                .on(400, refusal -> ToolException.invalidArgument("Nextcloud Tables refused the values for " + subject
                        + ": " + message.or(refusal::reason).orElse("HTTP 400")))
                .on(403, refusal -> ToolException.permissionDenied("Nextcloud Tables does not let you change " + subject
                        + message.or(refusal::reason).map(reason -> ": " + reason).orElse("") + ". It may be shared "
                        + "with you read-only."))
                .expect(200);
    }

    /** Tables' own sentence: {@code {"message"}}, or in an OCS failure {@code ocs.data.message}. */
    private static Optional<String> message(NextcloudResponse response) {
        try {
            if (response.json() instanceof JsonObject json) {
                boolean ocs = json.get("ocs") instanceof JsonObject envelope
                        && envelope.get("data") instanceof JsonObject;
                JsonValue inner = ocs ? json.getJsonObject("ocs").getJsonObject("data").get("message")
                        : json.get("message");
                return inner instanceof JsonString text && !text.getString().isBlank()
                        ? Optional.of(text.getString()) : Optional.empty();
            }
        } catch (ToolException notJson) {
            // an empty or HTML body says nothing more
        }
        return Optional.empty();
    }

    private static Map<String, String> page(int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", Integer.toString(offset));
        query.put("limit", Integer.toString(limit));
        return query;
    }

    static ToolException noTable(long id) {
        return ToolException.notFound("Table " + id + " does not exist or is not shared with you. List your tables "
                + "with nc_tables_list_tables.");
    }

    static ToolException noView(long id) {
        return ToolException.notFound("View " + id + " does not exist or is not shared with you. nc_tables_list_tables "
                + "lists the views of each table.");
    }

    static ToolException noRow(long id) {
        return ToolException.notFound("Row " + id + " does not exist (it may have been deleted). Read the rows of the "
                + "table with nc_tables_read_rows to find the right id.");
    }

    private static JsonObject object(JsonValue value, String what) throws ToolException {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ToolException.upstream("Nextcloud Tables answered " + what + " with something that is not an object");
    }

    private static JsonArray array(JsonValue value, String what) throws ToolException {
        if (value instanceof JsonArray array) {
            return array;
        }
        throw ToolException.upstream("Nextcloud Tables answered " + what + " with something that is not a list");
    }
}
