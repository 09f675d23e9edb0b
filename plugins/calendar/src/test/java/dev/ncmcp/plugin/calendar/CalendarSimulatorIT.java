package dev.ncmcp.plugin.calendar;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.xml.QName;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar scenarios against the Nextcloud simulator (Nextcloud 31's CalDAV answers), and what is Nextcloud's
 * own: the calendar home's inbox, outbox and trash bin, the sample data, the trash bin on deletion, read-only
 * calendars, the user's address as organizer, a month of a 2,000-event calendar in one REPORT.
 */
class CalendarSimulatorIT extends CalendarScenarios {

    private static NextcloudSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = NextcloudSimulator.builder().user("bob", "bob-pw").sampleData(true).build().start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl()).build())
                .appPassword("bob", "bob-pw");
        tools = new ToolCaller(client, "bob-pw");
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void listsOnlyCalendarsNotTheInboxOutboxOrTrashBin() throws Exception {
        List<JsonObject> calendars = tools.call("nc_calendar_list_calendars").getJsonArray("calendars")
                .getValuesAs(JsonObject.class);
        List<String> ids = calendars.stream().map(c -> c.getString("id")).toList();
        assertTrue(ids.containsAll(List.of("personal", "tasks")), ids.toString());
        assertFalse(ids.contains("inbox") || ids.contains("outbox") || ids.contains("trashbin"), ids.toString());
        JsonObject personal = calendars.stream().filter(c -> c.getString("id").equals("personal")).findFirst()
                .orElseThrow();
        assertEquals("Personal", personal.getString("name"));
        assertEquals("#00679e", personal.getString("color"));
        assertEquals(List.of("VEVENT"), personal.getJsonArray("components").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals("/remote.php/dav/calendars/bob/personal/", personal.getString("href"));
    }

    @Test
    void theSampleDataHasUpcomingEventsAndOpenTasks() throws Exception {
        JsonObject upcoming = tools.call("nc_calendar_list_upcoming_events", "days", 8);
        List<String> summaries = upcoming.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("summary")).toList();
        assertTrue(summaries.contains("Team sync") && summaries.contains("Lunch with Anna"), summaries.toString());
        JsonObject sync = upcoming.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("summary").equals("Team sync")).findFirst().orElseThrow();
        assertEquals("Europe/Berlin", sync.getJsonObject("start").getString("timeZone"));
        assertTrue(sync.getJsonObject("start").getString("dateTime").contains("T10:00:00+0"), sync.toString());
        assertEquals(10, sync.getJsonArray("reminders").getJsonObject(0).getInt("minutesBefore"));

        List<JsonObject> tasks = tools.call("nc_calendar_list_tasks", "calendars", List.of("tasks"))
                .getJsonArray("tasks").getValuesAs(JsonObject.class);
        assertEquals(List.of("Book flights", "Renew passport", "Plan the summer trip"),
                tasks.stream().map(t -> t.getString("summary")).toList());
        assertEquals("sample-trip", tasks.getFirst().getString("parentUid"));
    }

    @Test
    void aDeletedCalendarGoesToTheTrashBinAndLeavesTheListing() throws Exception {
        String id = tools.call("nc_calendar_create_calendar", "name", "Short lived").getString("id");
        tools.call("nc_calendar_delete_calendar", "calendar", id, "confirm", true);
        assertFalse(tools.call("nc_calendar_list_calendars").toString().contains("\"" + id + "\""));
        var stillThere = client.send(Dav.propfind(client.calendarHome() + id + "/", 0,
                List.of(QName.dav("resourcetype"))));
        assertEquals(207, stillThere.status(), "Nextcloud keeps it in the calendar trash bin");
        assertTrue(stillThere.text().contains("deleted-calendar"), stillThere.text());
    }

    @Test
    void aMeetingIsOrganizedByTheUsersOwnAddress() throws Exception {
        JsonObject meeting = tools.call("nc_calendar_create_meeting", "summary", "Kick-off",
                "start", "2027-01-12T10:00", "timeZone", "Europe/Berlin",
                "attendees", ToolCaller.array(ToolCaller.args("email", "anna@example.org", "role", "chair")));
        assertEquals("personal", meeting.getString("calendar"));
        assertEquals("bob@example.org", meeting.getJsonObject("organizer").getString("email"));
        assertEquals("CHAIR", meeting.getJsonArray("attendees").getJsonObject(0).getString("role"));
        assertEquals("2027-01-12T10:00:00Z".replace("10:00", "09:00"), meeting.getJsonObject("start").getString("utc"));
    }

    @Test
    void tasksGoOnlyToCalendarsThatHoldThem() {
        tools.fails(Kind.INVALID_ARGUMENT, "holds only VEVENT", "nc_calendar_create_task", "calendar", "personal",
                "summary", "x");
    }
}
