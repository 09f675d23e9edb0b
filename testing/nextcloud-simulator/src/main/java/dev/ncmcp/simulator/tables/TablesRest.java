package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PhpJson;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** The routes of API v1 ({@code /index.php/apps/tables/api/1/…}). */
final class TablesRest {
    private final TablesOperations operations;
    private final NextcloudVersion version;

    TablesRest(TablesOperations operations, NextcloudVersion version) {
        this.operations = operations;
        this.version = version;
    }

    SimResponse answer(SimRequest request, String user, List<String> route, JsonObject params) {
        String method = request.method();
        String first = route.isEmpty() ? "" : route.getFirst();
        Long id = route.size() > 1 && route.get(1).matches("\\d{1,18}") ? Long.valueOf(route.get(1)) : null;
        String rest = route.size() > 2 ? String.join("/", route.subList(2, route.size())) : "";
        JsonValue data = params.getOrDefault("data", JsonValue.NULL);
        if (first.equals("tables") && route.size() == 1) {
            return switch (method) {
                case "GET" -> ok(operations.tables(user));
                case "POST" -> ok(operations.createTable(user, params));
                default -> notAllowed();
            };
        }
        if (id == null) {
            return notFound();
        }
        return switch (first + "/" + rest + " " + method) {
            case "tables/ GET" -> ok(operations.table(user, id));
            case "tables/ PUT" -> ok(operations.updateTable(user, id, params));
            case "tables/ DELETE" -> ok(operations.deleteTable(user, id));
            case "tables/columns GET" -> ok(operations.columns(user, id));
            case "tables/columns POST" -> ok(operations.createColumn(user, id, params.getString("type", ""), params,
                    true));
            case "tables/scheme GET" -> scheme(user, id);
            case "tables/rows GET" -> ok(operations.rows(user, id, request.queryParams()));
            case "tables/rows POST" -> ok(operations.insertRow(user, id, data));
            case "tables/rows/simple GET" -> ok(operations.simpleRows(user, id));
            case "tables/views GET" -> ok(operations.views(user, id));
            case "views/ GET" -> ok(operations.view(user, id));
            case "views/rows GET" -> ok(operations.viewRows(user, id, request.queryParams()));
            case "views/rows POST" -> ok(operations.insertViewRow(user, id, data));
            case "rows/ GET" -> ok(operations.row(user, id));
            case "rows/ PUT" -> ok(operations.updateRow(user, id, data));
            case "rows/ DELETE" -> ok(operations.deleteRow(user, id));
            case "columns/ GET" -> ok(operations.column(user, id));
            default -> notFound();
        };
    }

    /** A download of the table's definition; Tables 0.9 did not say it is JSON ({@code tables/07-nc29}). */
    private SimResponse scheme(String user, long id) {
        JsonObject scheme = operations.scheme(user, id);
        String type = version == NextcloudVersion.NC31 ? SimResponse.JSON : "application/octet-stream";
        return SimResponse.status(200)
                .header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + operations.schemeFileName(user, id) + "\"")
                .body(PhpJson.bytes(scheme));
    }

    private static SimResponse ok(JsonValue value) {
        return SimResponse.json(200, value);
    }

    private static SimResponse notFound() {
        return SimResponse.html(404, "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head><body>"
                + "<div class=\"guest-box\"><h2>Page not found</h2></div></body></html>\n");
    }

    private static SimResponse notAllowed() {
        return SimResponse.html(405, "");
    }
}
