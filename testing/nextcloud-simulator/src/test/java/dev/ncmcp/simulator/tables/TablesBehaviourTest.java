package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables beyond the captures: other users' tables, views, updates of mandatory columns, the demo's table. */
class TablesBehaviourTest {
    private static final String API = "/index.php/apps/tables/api/1";
    private NextcloudSimulator sim;
    private SimHttp bob;
    private SimHttp alice;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").user("alice", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        alice = new SimHttp(sim, "alice", "pw");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void anotherUsersTableIsAnEmptyNotFound() {
        long table = tutorial(bob).getJsonNumber("id").longValue();
        HttpResponse<String> refused = alice.send("GET", API + "/tables/" + table + "/rows", null);
        assertEquals(404, refused.statusCode());
        assertEquals("", refused.body());
        assertEquals("text/html; charset=UTF-8", refused.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aViewShowsTheRowsItsFilterLetsThroughWithItsColumns() {
        JsonObject view = tutorial(bob).getJsonArray("views").getJsonObject(0);
        assertEquals(6, view.getInt("rowsCount"));
        JsonArray rows = SimHttp.parse(bob.send("GET", API + "/views/" + view.getInt("id") + "/rows?limit=2&offset=1",
                null)).asJsonArray();
        assertEquals(2, rows.size());
        assertEquals("false", rows.getJsonObject(0).getJsonArray("data").getJsonObject(3).getString("value"));
    }

    @Test
    void aMandatoryColumnCannotBeEmptiedOnNextcloud31AndUnknownColumnsAreAGeneric500() {
        long table = SimHttp.parse(bob.json("POST", API + "/tables", "{\"title\":\"T\"}")).asJsonObject().getInt("id");
        long item = SimHttp.parse(bob.json("POST", API + "/tables/" + table + "/columns",
                "{\"title\":\"Item\",\"type\":\"text\",\"subtype\":\"line\",\"mandatory\":true}")).asJsonObject().getInt("id");
        long row = SimHttp.parse(bob.json("POST", API + "/tables/" + table + "/rows", "{\"data\":{\"" + item + "\":\"a\"}}"))
                .asJsonObject().getInt("id");
        HttpResponse<String> emptied = bob.json("PUT", API + "/rows/" + row, "{\"data\":{\"" + item + "\":\"\"}}");
        assertEquals(400, emptied.statusCode());
        assertEquals("Mandatory column \"Item\" cannot be empty.", SimHttp.parse(emptied).asJsonObject().getString("message"));
        assertEquals(500, bob.json("PUT", API + "/rows/" + row, "{\"data\":{\"999\":\"x\"}}").statusCode());
        HttpResponse<String> gone = bob.send("GET", API + "/rows/999999", null);
        assertEquals(404, gone.statusCode());
        assertTrue(SimHttp.parse(gone).asJsonObject().getString("message").contains("RowService - find"));
    }

    @Test
    void selectionOptionsGivenAsLabelsAreNumbered() {
        long table = SimHttp.parse(bob.json("POST", API + "/tables", "{\"title\":\"T\"}")).asJsonObject().getInt("id");
        JsonObject column = SimHttp.parse(bob.json("POST", API + "/tables/" + table + "/columns",
                "{\"title\":\"Colour\",\"type\":\"selection\",\"selectionOptions\":\"[\\\"red\\\",\\\"blue\\\"]\"}"))
                .asJsonObject();
        assertEquals("{\"id\":2,\"label\":\"blue\"}", column.getJsonArray("selectionOptions").getJsonObject(1).toString());
    }

    @Test
    void theDemoHasAReadingListBesideTheTutorial() {
        try (NextcloudSimulator demo = NextcloudSimulator.builder().user("demo", "pw").sampleData(true).build().start()) {
            JsonArray tables = SimHttp.parse(new SimHttp(demo, "demo", "pw").send("GET", API + "/tables", null)).asJsonArray();
            assertEquals(2, tables.size());
            assertEquals("Reading list", tables.getJsonObject(1).getString("title"));
            assertEquals(5, tables.getJsonObject(1).getInt("columnsCount"));
        }
    }

    private static JsonObject tutorial(SimHttp user) {
        return SimHttp.parse(user.send("GET", API + "/tables", null)).asJsonArray().getJsonObject(0);
    }
}
