package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.ocs.OcsEnvelope;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** The routes of API v2 ({@code /ocs/v2.php/apps/tables/api/2/…}). */
final class TablesOcs {
    private static final String INTERNAL_ERROR = "Internal Server Error\n";

    private final TablesOperations operations;

    TablesOcs(TablesOperations operations) {
        this.operations = operations;
    }

    SimResponse answer(SimRequest request, OcsEnvelope ocs, String user, List<String> route, JsonObject params) {
        String method = request.method();
        String path = String.join("/", route.stream().map(part -> part.matches("\\d{1,18}") ? "#" : part).toList());
        long id = route.stream().filter(part -> part.matches("\\d{1,18}")).mapToLong(Long::parseLong).findFirst()
                .orElse(-1);
        JsonValue data = params.getOrDefault("data", JsonValue.NULL);
        return switch (path + " " + method) {
            case "tables GET" -> ocs.ok(operations.tables(user));
            case "tables POST" -> ocs.ok(operations.createTable(user, params));
            case "tables/# GET" -> ocs.ok(operations.table(user, id));
            case "tables/# PUT" -> ocs.ok(operations.updateTable(user, id, params));
            case "tables/# DELETE" -> ocs.ok(operations.deleteTable(user, id));
            // tables 1.0.9 and 0.9.11 fail here ("enhanceTable(): Argument #2 ($userId) must be of type string")
            case "tables/scheme/# GET" -> ocs.failure(996, INTERNAL_ERROR);
            case "tables/#/rows POST" -> ocs.ok(operations.insertRow(user, id, data));
            case "views/#/rows POST" -> ocs.ok(operations.insertViewRow(user, id, data));
            case "columns/table/# GET" -> ocs.ok(operations.columns(user, id));
            case "init GET" -> ocs.ok(operations.init(user));
            default -> route.size() == 2 && route.getFirst().equals("columns") && method.equals("POST")
                    ? createColumn(ocs, user, route.get(1), params) : ocs.failure(998, OcsEnvelope.INVALID_QUERY);
        };
    }

    /**
     * {@code POST columns/{type}}: the permission middleware reads {@code baseNodeType} before anything else and fails
     * without it ({@code tables/04}).
     */
    private SimResponse createColumn(OcsEnvelope ocs, String user, String type, JsonObject params) {
        boolean table = "table".equals(params.getString("baseNodeType", null));
        if (!table || !(params.get("baseNodeId") instanceof JsonNumber node)) {
            return ocs.failure(996, INTERNAL_ERROR);
        }
        return ocs.ok(operations.createColumn(user, node.longValue(), type, params, false));
    }
}
