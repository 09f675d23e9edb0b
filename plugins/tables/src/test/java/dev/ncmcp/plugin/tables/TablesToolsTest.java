package dev.ncmcp.plugin.tables;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.RecordedRequest;
import dev.ncmcp.spi.PluginConfig;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static dev.ncmcp.plugin.tables.TablesHarness.args;
import static dev.ncmcp.plugin.tables.TablesHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Tables tools against the simulator as Tables 1.0.9 (Nextcloud 31) and 0.9.11 (Nextcloud 29). */
class TablesToolsTest {

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void tablesAreListedWithTheirViewsAndColumnTypes(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            JsonObject list = nc.call("nc_tables_list_tables", args());
            assertEquals(List.of("Welcome to Nextcloud Tables!", "Inventory"), list.getJsonArray("tables")
                    .getValuesAs(JsonObject.class).stream().map(t -> t.getString("title")).toList());
            JsonObject tutorial = list.getJsonArray("tables").getJsonObject(0);
            assertEquals(6, tutorial.getJsonArray("views").getJsonObject(0).getInt("rowCount"));

            JsonObject detail = nc.call("nc_tables_get_table", args("tableId", table));
            assertEquals(List.of("text-line", "number", "number", "selection", "selection-multi", "selection-check",
                    "datetime-date", "usergroup"), detail.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                    .map(c -> c.getString("type")).toList());
            JsonObject category = detail.getJsonArray("columns").getJsonObject(3);
            assertEquals("[{\"id\":1,\"label\":\"Fruit\"},{\"id\":2,\"label\":\"Vegetable\"}]",
                    category.getJsonArray("options").toString());
            assertTrue(detail.getJsonArray("columns").getJsonObject(0).getBoolean("mandatory"));

            JsonObject view = nc.call("nc_tables_get_table", args("tableId", tutorial.getInt("id")))
                    .getJsonArray("views").getJsonObject(0);
            assertEquals(4, view.getJsonArray("columns").size(), "Tables 0.9 lists them in columns, 1.0 in columnSettings");
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void rowsAreInsertedReadChangedAndDeletedInTheModelsTerms(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            JsonObject apples = nc.call("nc_tables_insert_row", args("tableId", table, "values", json(
                    "{'Item':'Apples','quantity':12,'Price':'2.50','Category':'fruit','Tags':['organic','Local'],"
                            + "'Done':false,'Due':'2025-06-30','Owner':['bob']}")));
            assertEquals(json("{'Item':'Apples','Quantity':12,'Price':2.5,'Category':'Fruit','Tags':['organic','local'],"
                    + "'Done':false,'Due':'2025-06-30','Owner':['bob']}"), apples.getJsonObject("values"));
            long id = apples.getJsonNumber("id").longValue();

            JsonObject read = nc.call("nc_tables_get_row", args("rowId", id));
            assertEquals(apples.getJsonObject("values"), read.getJsonObject("values"));
            assertEquals("bob", read.getString("createdBy"));

            JsonObject changed = nc.call("nc_tables_update_row", args("rowId", id, "values",
                    json("{'Quantity':20,'Due':null,'Done':true}")));
            assertEquals(20, changed.getJsonObject("values").getInt("Quantity"));
            assertFalse(changed.getJsonObject("values").containsKey("Due"), "null empties the cell");
            assertEquals("Apples", changed.getJsonObject("values").getString("Item"), "untouched");
            assertEquals(changed.getJsonObject("values"),
                    nc.call("nc_tables_update_row", args("rowId", id, "values", json("{'Quantity':20,'Due':null,'Done':true}")))
                            .getJsonObject("values"), "idempotent");

            assertTrue(nc.call("nc_tables_delete_row", args("rowId", id)).getBoolean("deleted"));
            ToolException gone = nc.failure("nc_tables_get_row", args("rowId", id));
            assertEquals(Kind.NOT_FOUND, gone.kind());
            assertTrue(gone.getMessage().contains("nc_tables_read_rows"), gone.getMessage());
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_tables_delete_row", args("rowId", id)).kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void valuesAreCheckedAgainstTheirColumnsBeforeAnythingIsSent(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            Map<String, String> mistakes = Map.of(
                    "{'Colour':'red','Item':'x'}", "names no column of this table: 'Colour'. Its columns are: Item,",
                    "{'Item':'x','Quantity':'many'}", "Column 'Quantity' takes a number",
                    "{'Item':'x','Quantity':1001}", "Column 'Quantity' takes numbers from 0 to 1000",
                    "{'Item':'x','Quantity':1.5}", "Column 'Quantity' takes whole numbers only",
                    "{'Item':'x','Price':1.234}", "Column 'Price' takes at most 2 decimals",
                    "{'Item':'x','Category':'Meat'}", "Column 'Category' takes one of 'Fruit', 'Vegetable'",
                    "{'Item':'x','Due':'30.6.2025'}", "Column 'Due' takes a date as YYYY-MM-DD",
                    "{'Item':'x','Done':'yes'}", "Column 'Done' takes true or false",
                    "{'Item':'A very long name of an item'}", "Column 'Item' takes at most 20 characters",
                    "{'Quantity':3}", "Column 'Item' is mandatory");
            nc.simulator.clearRequests();
            for (Map.Entry<String, String> mistake : mistakes.entrySet()) {
                ToolException refused = nc.failure("nc_tables_insert_row", args("tableId", table, "values",
                        json(mistake.getKey())));
                assertEquals(Kind.INVALID_ARGUMENT, refused.kind(), mistake.getKey());
                assertTrue(refused.getMessage().contains(mistake.getValue()), refused.getMessage());
            }
            assertEquals(List.of(), nc.simulator.requests().stream().filter(r -> !r.method().equals("GET"))
                    .map(RecordedRequest::path).toList(), "nothing was written; on Nextcloud 29 the mandatory column "
                    + "would not have been enforced");
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void filtersNarrowTheRowsAndPagesFollowTheMatches(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            String[] items = {"Apples", "Pears", "Carrots", "Plums", "Leeks"};
            for (int i = 0; i < items.length; i++) {
                nc.call("nc_tables_insert_row", args("tableId", table, "values", json("{'Item':'" + items[i]
                        + "','Quantity':" + (i * 10) + ",'Category':'" + (i % 2 == 0 ? "Fruit" : "Vegetable") + "'}")));
            }
            JsonObject fruit = nc.call("nc_tables_read_rows", args("tableId", table, "limit", 2, "filters",
                    json("[{'column':'category','operator':'equals','value':'fruit'},"
                            + "{'column':'Quantity','operator':'greater_or_equal','value':10}]")));
            assertEquals(2, fruit.getInt("total"));
            assertEquals(List.of("Carrots", "Leeks"), items(fruit));
            assertTrue(fruit.getBoolean("complete"));
            assertFalse(fruit.containsKey("nextCursor"));

            JsonObject first = nc.call("nc_tables_read_rows", args("tableId", table, "limit", 3));
            assertEquals(5, first.getInt("total"));
            JsonObject rest = nc.call("nc_tables_read_rows", args("tableId", table, "limit", 3, "cursor",
                    first.getString("nextCursor")));
            assertEquals(List.of("Plums", "Leeks"), items(rest));
            assertFalse(rest.containsKey("nextCursor"));

            JsonObject empty = nc.call("nc_tables_read_rows", args("tableId", table, "filters",
                    json("[{'column':'Due','operator':'is_empty'}]")));
            assertEquals(5, empty.getInt("total"));
            assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_tables_read_rows", args("tableId", table, "filters",
                    json("[{'column':'Item','operator':'equals'}]"))).kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void aViewGivesTheRowsItsFilterLetsThrough(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long view = nc.call("nc_tables_list_tables", args()).getJsonArray("tables").getJsonObject(0)
                    .getJsonArray("views").getJsonObject(0).getInt("id");
            JsonObject page = nc.call("nc_tables_read_rows", args("viewId", view, "limit", 4));
            assertEquals(6, page.getInt("total"));
            assertEquals(4, page.getJsonArray("rows").size());
            page.getJsonArray("rows").getValuesAs(JsonObject.class)
                    .forEach(row -> assertFalse(row.getJsonObject("values").getBoolean("Done")));
            JsonObject rest = nc.call("nc_tables_read_rows", args("viewId", view, "cursor", page.getString("nextCursor")));
            assertEquals(2, rest.getJsonArray("rows").size());
            assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_tables_read_rows", args()).kind());
            assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_tables_read_rows", args("viewId", view, "cursor", "xyz"))
                    .kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void tablesOfOthersAndUnknownOnesAreNotFound(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            ToolException foreign = nc.failure(nc.alice, "nc_tables_get_table", args("tableId", table));
            assertEquals(Kind.NOT_FOUND, foreign.kind());
            assertTrue(foreign.getMessage().contains("nc_tables_list_tables"), foreign.getMessage());
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_tables_read_rows", args("tableId", 987654)).kind());
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_tables_insert_row", args("tableId", 987654, "values",
                    json("{'a':1}"))).kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void filtersReadNoMoreRowsThanTheScanLimitAndSaySo(NextcloudVersion version) throws Exception {
        try (TablesHarness nc = new TablesHarness(version)) {
            long table = inventory(nc);
            for (int i = 0; i < 130; i++) {
                nc.v1("POST", "/tables/" + table + "/rows", "{\"data\":{\"" + column(nc, table, 0) + "\":\"item " + i + "\"}}");
            }
            nc.plugin.init(PluginContext.of(PluginConfig.of("tables", nc.plugin.configuration(),
                    Map.of("scan.limit", "100"))));
            JsonObject found = nc.call("nc_tables_read_rows", args("tableId", table, "filters",
                    json("[{'column':'Item','operator':'begins_with','value':'item 1'}]")));
            assertFalse(found.getBoolean("complete"));
            assertEquals(11, found.getInt("total"), "item 1 and item 10-19 among the first 100 rows");
        }
    }

    /** Bob's table with a column of each kind the tools convert. */
    private static long inventory(TablesHarness nc) throws ToolException {
        long table = nc.v1("POST", "/tables", "{\"title\":\"Inventory\",\"emoji\":\"📦\"}").asJsonObject().getInt("id");
        String[] columns = {
            "{'title':'Item','type':'text','subtype':'line','mandatory':true,'textMaxLength':20}",
            "{'title':'Quantity','type':'number','numberMin':0,'numberMax':1000,'numberDecimals':0}",
            "{'title':'Price','type':'number','numberDecimals':2,'numberSuffix':'EUR'}",
            "{'title':'Category','type':'selection','selectionOptions':[{'id':1,'label':'Fruit'},{'id':2,'label':'Vegetable'}]}",
            "{'title':'Tags','type':'selection','subtype':'multi','selectionOptions':[{'id':1,'label':'organic'},{'id':2,'label':'local'}]}",
            "{'title':'Done','type':'selection','subtype':'check'}",
            "{'title':'Due','type':'datetime','subtype':'date'}",
            "{'title':'Owner','type':'usergroup'}"};
        for (String column : columns) {
            nc.v1("POST", "/tables/" + table + "/columns", column.replace('\'', '"'));
        }
        return table;
    }

    private static long column(TablesHarness nc, long table, int index) throws ToolException {
        return nc.v1("GET", "/tables/" + table + "/columns", null).asJsonArray().getJsonObject(index).getInt("id");
    }

    private static List<String> items(JsonObject rows) {
        return rows.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(row -> row.getJsonObject("values").getString("Item")).toList();
    }
}
