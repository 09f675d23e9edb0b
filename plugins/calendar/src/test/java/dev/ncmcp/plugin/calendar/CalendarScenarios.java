package dev.ncmcp.plugin.calendar;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.xml.QName;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ncmcp.plugin.calendar.ToolCaller.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every calendar and task tool end to end, through the real HTTP client, against a CalDAV peer: a real Radicale
 * ({@link CalendarRadicaleIT}) and the Nextcloud simulator ({@link CalendarSimulatorIT}). What is stored is read
 * back over CalDAV, as another client would see it.
 */
abstract class CalendarScenarios {

    static NextcloudClient client;
    static ToolCaller tools;

    /** The stored object with this uid, unfolded, as a calendar-query REPORT returns it. */
    static String stored(String calendar, String uid) throws Exception {
        return object(calendar, uid)[1].replace("\r\n ", "").replace("\n ", "");
    }

    /** The href and data of the object with this uid. */
    static String[] object(String calendar, String uid) throws Exception {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/><c:calendar-data/></d:prop>
                  <c:filter><c:comp-filter name="VCALENDAR"/></c:filter>
                </c:calendar-query>""";
        for (DavEntry entry : Multistatus.read(client.send(Dav.report(client.calendarHome() + calendar + "/", 1,
                body)))) {
            String data = entry.property(QName.caldav("calendar-data")).orElse("");
            if (data.contains("UID:" + uid)) {
                return new String[] {entry.href(), data, entry.dav("getetag").orElse("")};
            }
        }
        throw new AssertionError("no object with uid " + uid + " in " + calendar);
    }

    private static String calendar(String name) throws Exception {
        return tools.call("nc_calendar_create_calendar", "name", name, "color", "#336699").getString("id");
    }

    @Test
    void createsListsRenamesAndDeletesCalendars() throws Exception {
        JsonObject made = tools.call("nc_calendar_create_calendar", "name", "Ünïcode Plans", "color", "#ff8800",
                "description", "for tests", "holds", "events");
        assertEquals("unicode-plans", made.getString("id"));
        assertEquals("Ünïcode Plans", made.getString("name"));
        assertEquals(List.of("VEVENT"), made.getJsonArray("components").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(made.getBoolean("readOnly"));
        assertEquals("unicode-plans-2", tools.call("nc_calendar_create_calendar", "name", "Unicode plans")
                .getString("id"));

        JsonObject renamed = tools.call("nc_calendar_update_calendar", "calendar", "unicode-plans", "name", "Plans",
                "color", "#112233");
        assertEquals("Plans", renamed.getString("name"));
        assertTrue(renamed.getString("color").toLowerCase().startsWith("#112233"), renamed.toString());

        List<String> ids = tools.call("nc_calendar_list_calendars").getJsonArray("calendars")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
        assertTrue(ids.containsAll(List.of("unicode-plans", "unicode-plans-2")), ids.toString());

        tools.fails(Kind.INVALID_ARGUMENT, "confirm", "nc_calendar_delete_calendar", "calendar", "Plans",
                "confirm", false);
        assertEquals("unicode-plans", tools.call("nc_calendar_delete_calendar", "calendar", "Plans", "confirm", true)
                .getString("id"));
        tools.fails(Kind.INVALID_ARGUMENT, "no calendar 'unicode-plans'", "nc_calendar_get_event",
                "calendar", "unicode-plans", "uid", "x");
    }

    @Test
    void aMeetingAtHalfPastTwoOnASpringForwardDayKeepsItsZoneAndWallTime() throws Exception {
        String cal = calendar("Spring");
        JsonObject event = tools.call("nc_calendar_create_event", "calendar", cal, "summary", "In the gap",
                "start", "2026-03-29T02:30", "duration", "PT1H", "timeZone", "Europe/Berlin");
        JsonObject start = event.getJsonObject("start");
        assertEquals("Europe/Berlin", start.getString("timeZone"));
        assertEquals("2026-03-29T01:30:00Z", start.getString("utc"), "02:30 is read with the offset before the gap");
        assertEquals("2026-03-29T03:30:00+02:00", start.getString("dateTime"));
        String ics = stored(cal, event.getString("uid"));
        assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20260329T023000"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Berlin"), ics);

        JsonObject listed = tools.call("nc_calendar_list_events", "from", "2026-03-29", "to", "2026-03-30",
                "calendars", List.of(cal), "timeZone", "Europe/Berlin").getJsonArray("events").getJsonObject(0);
        assertEquals("2026-03-29T01:30:00Z", listed.getJsonObject("start").getString("utc"));
        assertEquals("2026-03-29T02:30:00Z", listed.getJsonObject("end").getString("utc"));
    }

    @Test
    void aWeeklySeriesAcrossTheAutumnChangeStaysAtTenLocal() throws Exception {
        String cal = calendar("Autumn");
        JsonObject series = tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Weekly sync",
                "start", "2026-10-13T10:00", "end", "2026-10-13T11:00", "timeZone", "Europe/Berlin",
                "recurrence", "FREQ=WEEKLY;COUNT=4");
        assertEquals("FREQ=WEEKLY;COUNT=4", series.getString("recurrence"));
        List<JsonObject> occurrences = tools.call("nc_calendar_list_events", "from", "2026-10-01T00:00:00Z",
                "to", "2026-12-01T00:00:00Z", "calendars", List.of(cal)).getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("2026-10-13T08:00:00Z", "2026-10-20T08:00:00Z", "2026-10-27T09:00:00Z",
                "2026-11-03T09:00:00Z"), occurrences.stream().map(o -> o.getJsonObject("start").getString("utc")).toList());
        assertEquals(List.of("2026-10-13T10:00:00+02:00", "2026-10-20T10:00:00+02:00", "2026-10-27T10:00:00+01:00",
                "2026-11-03T10:00:00+01:00"), occurrences.stream()
                .map(o -> o.getJsonObject("start").getString("dateTime")).toList());
        assertTrue(occurrences.stream().allMatch(o -> o.getBoolean("recurring")));

        // move the third occurrence only, then delete the fourth
        String third = occurrences.get(2).getString("occurrence");
        assertEquals("2026-10-27T10:00:00+01:00", third);
        JsonObject moved = tools.call("nc_calendar_update_event", "calendar", cal, "uid", series.getString("uid"),
                "occurrence", third, "start", "2026-10-27T14:00", "summary", "Moved sync");
        assertEquals("2026-10-27T13:00:00Z", moved.getJsonObject("start").getString("utc"));
        assertEquals("2026-10-27T14:00:00Z", moved.getJsonObject("end").getString("utc"), "the length is kept");
        JsonObject deleted = tools.call("nc_calendar_delete_event", "calendar", cal, "uid", series.getString("uid"),
                "occurrence", occurrences.get(3).getString("occurrence"));
        assertEquals("occurrence", deleted.getString("deleted"));
        List<JsonObject> after = tools.call("nc_calendar_list_events", "from", "2026-10-01", "to", "2026-12-01",
                "calendars", List.of(cal)).getJsonArray("events").getValuesAs(JsonObject.class);
        assertEquals(List.of("Weekly sync", "Weekly sync", "Moved sync"),
                after.stream().map(o -> o.getString("summary")).toList());
        String ics = stored(cal, series.getString("uid"));
        assertTrue(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20261027T100000"), ics);
        assertTrue(ics.contains("EXDATE;TZID=Europe/Berlin:20261103T100000"), ics);
        JsonObject whole = tools.call("nc_calendar_get_event", "calendar", cal, "uid", series.getString("uid"));
        assertEquals(List.of("2026-11-03T10:00:00+01:00"), whole.getJsonArray("exceptions")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void anAllDayEventOnTheLastDayOfAMonthIsADate() throws Exception {
        String cal = calendar("Month end");
        JsonObject event = tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Close the books",
                "start", "2026-01-31");
        assertTrue(event.getBoolean("allDay"));
        assertEquals("2026-01-31", event.getJsonObject("start").getString("date"));
        assertEquals("2026-02-01", event.getJsonObject("end").getString("date"), "DTEND is the day after");
        assertFalse(event.getJsonObject("start").containsKey("utc"));
        String ics = stored(cal, event.getString("uid"));
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20260131") && ics.contains("DTEND;VALUE=DATE:20260201"), ics);
        assertEquals(1, tools.call("nc_calendar_list_events", "from", "2026-01-31", "to", "2026-02-01",
                "calendars", List.of(cal), "timeZone", "Pacific/Auckland").getInt("total"));
        assertEquals(0, tools.call("nc_calendar_list_events", "from", "2026-02-01", "to", "2026-02-02",
                "calendars", List.of(cal)).getInt("total"));
        JsonObject monthly = tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Month end",
                "start", "2026-01-31", "recurrence", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3");
        List<String> dates = tools.call("nc_calendar_list_events", "from", "2026-01-01", "to", "2026-06-01",
                "calendars", List.of(cal)).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("uid").equals(monthly.getString("uid")))
                .map(o -> o.getJsonObject("start").getString("date")).toList();
        assertEquals(List.of("2026-01-31", "2026-02-28", "2026-03-31"), dates);
    }

    @Test
    void updatesKeepWhatOtherAppsWroteAndConflictsReturnTheCurrentEvent() throws Exception {
        String cal = calendar("Keep");
        JsonObject event = tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Review",
                "start", "2026-06-10T09:00", "timeZone", "America/New_York", "location", "Room 1",
                "categories", List.of("work", "a,b"), "reminders", ToolCaller.array(args("minutesBefore", 15)));
        String uid = event.getString("uid");
        // another client adds a property and a component of its own
        String[] object = object(cal, uid);
        String text = object[1].replace("\r\n", "\n").replace("\n", "\r\n").replace("END:VEVENT",
                "X-OTHER-APP;X-P=1:keep me\r\nBEGIN:X-THING\r\nX-A:1\r\nEND:X-THING\r\nEND:VEVENT");
        int written = client.send(NextcloudRequest.put(object[0]).header("If-Match", object[2])
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/calendar").build()).status();
        assertTrue(written == 201 || written == 204, "PUT answered " + written);

        JsonObject read = tools.call("nc_calendar_get_event", "calendar", cal, "uid", uid);
        assertEquals(List.of("work", "a,b"), read.getJsonArray("categories").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(15, read.getJsonArray("reminders").getJsonObject(0).getInt("minutesBefore"));
        JsonObject changed = tools.call("nc_calendar_update_event", "calendar", cal, "uid", uid,
                "etag", read.getString("etag"), "summary", "Review (moved)", "start", "2026-06-10T11:00");
        assertEquals("2026-06-10T11:00:00-04:00", changed.getJsonObject("start").getString("dateTime"));
        assertEquals("2026-06-10T12:00:00-04:00", changed.getJsonObject("end").getString("dateTime"));
        String ics = stored(cal, uid);
        assertTrue(ics.contains("X-OTHER-APP;X-P=1:keep me"), ics);
        assertTrue(ics.contains("BEGIN:X-THING"), ics);
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20260610T110000"), ics);

        var conflict = tools.fails(Kind.CONFLICT, "changed since", "nc_calendar_update_event", "calendar", cal,
                "uid", uid, "etag", read.getString("etag"), "summary", "Stale");
        assertEquals("Review (moved)", conflict.details().asJsonObject().getString("summary"));
        tools.fails(Kind.INVALID_ARGUMENT, "timeZone", "nc_calendar_create_event", "calendar", cal,
                "summary", "x", "start", "2026-06-10T09:00");
        tools.fails(Kind.INVALID_ARGUMENT, "Mars/Olympus", "nc_calendar_create_event", "calendar", cal,
                "summary", "x", "start", "2026-06-10T09:00", "timeZone", "Mars/Olympus");
        tools.fails(Kind.NOT_FOUND, "no event with uid", "nc_calendar_get_event", "calendar", cal, "uid", "nope");
        assertEquals("series", tools.call("nc_calendar_delete_event", "calendar", cal, "uid", uid).getString("deleted"));
        assertEquals(0, tools.call("nc_calendar_search_events", "text", "review", "calendars", List.of(cal))
                .getInt("total"));
    }

    @Test
    void searchUpcomingFreeBusySlotsAndMeetings() throws Exception {
        String cal = calendar("Busy");
        java.time.LocalDate monday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Dentist", "location", "Main Street",
                "start", monday + "T10:00", "end", monday + "T11:00", "timeZone", "Europe/Berlin");
        tools.call("nc_calendar_create_event", "calendar", cal, "summary", "Lunch", "busy", false,
                "start", monday + "T12:00", "end", monday + "T13:00", "timeZone", "Europe/Berlin");
        JsonObject meeting = tools.call("nc_calendar_create_meeting", "calendar", cal, "summary", "Planning",
                "start", monday + "T14:00", "durationMinutes", 90, "timeZone", "Europe/Berlin",
                "organizerEmail", "alice@example.org",
                "attendees", ToolCaller.array(args("email", "bob@example.org", "name", "Bob")));
        assertEquals("alice@example.org", meeting.getJsonObject("organizer").getString("email"));
        assertEquals("NEEDS-ACTION", meeting.getJsonArray("attendees").getJsonObject(0).getString("status"));
        String stored = stored(cal, meeting.getString("uid"));
        assertTrue(stored.contains("ORGANIZER:mailto:alice@example.org") && stored.contains("ROLE=REQ-PARTICIPANT")
                && stored.contains("RSVP=TRUE") && stored.contains(":mailto:bob@example.org"), stored);

        assertEquals(List.of("Dentist"), tools.call("nc_calendar_search_events", "text", "main street",
                "calendars", List.of(cal)).getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("summary")).toList());
        JsonObject upcoming = tools.call("nc_calendar_list_upcoming_events", "days", 30, "calendars", List.of(cal));
        assertEquals(3, upcoming.getInt("total"), upcoming.toString());

        JsonObject freeBusy = tools.call("nc_calendar_get_free_busy", "from", monday.toString(),
                "to", monday.plusDays(1).toString(), "calendars", List.of(cal), "timeZone", "Europe/Berlin");
        assertEquals(List.of(monday + "T10:00:00+01:00|" + monday + "T11:00:00+01:00",
                        monday + "T14:00:00+01:00|" + monday + "T15:30:00+01:00").stream()
                        .map(s -> s.replace("+01:00", offset(monday))).toList(),
                freeBusy.getJsonArray("busy").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("start") + "|" + p.getString("end")).toList());

        JsonObject slots = tools.call("nc_calendar_find_free_slots", "durationMinutes", 60,
                "from", monday.toString(), "to", monday.plusDays(1).toString(), "timeZone", "Europe/Berlin",
                "calendars", List.of(cal));
        assertEquals(List.of("09:00-10:00", "11:00-14:00", "15:30-17:00"),
                slots.getJsonArray("slots").getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("start").substring(11, 16) + "-" + s.getString("end").substring(11, 16))
                        .toList());
    }

    private static String offset(java.time.LocalDate day) {
        return java.time.ZoneId.of("Europe/Berlin").getRules().getOffset(day.atTime(12, 0)).getId();
    }

    @Test
    void tasksAreListedFilteredCompletedReopenedAndDeleted() throws Exception {
        String cal = calendar("Chores");
        JsonObject parent = tools.call("nc_calendar_create_task", "calendar", cal, "summary", "Move house",
                "due", "2026-11-30T18:00", "timeZone", "Europe/Berlin", "priority", 1, "categories", List.of("home"));
        assertEquals("2026-11-30T17:00:00Z", parent.getJsonObject("due").getString("utc"));
        JsonObject child = tools.call("nc_calendar_create_task", "calendar", cal, "summary", "Pack books",
                "due", "2026-11-20", "parentUid", parent.getString("uid"), "priority", 5);
        assertEquals(parent.getString("uid"), child.getString("parentUid"));
        tools.call("nc_calendar_create_task", "calendar", cal, "summary", "Someday");

        assertEquals(List.of("Pack books", "Move house", "Someday"), titles(tools.call("nc_calendar_list_tasks",
                "calendars", List.of(cal))));
        assertEquals(List.of("Move house"), titles(tools.call("nc_calendar_list_tasks", "calendars", List.of(cal),
                "priority", 2)));
        assertEquals(List.of("Pack books"), titles(tools.call("nc_calendar_list_tasks", "calendars", List.of(cal),
                "dueFrom", "2026-11-01", "dueTo", "2026-11-25")));
        assertEquals(List.of("Move house"), titles(tools.call("nc_calendar_list_tasks", "calendars", List.of(cal),
                "category", "HOME")));

        JsonObject done = tools.call("nc_calendar_complete_task", "calendar", cal, "uid", child.getString("uid"));
        assertTrue(done.getBoolean("completed"));
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(100, done.getInt("percentComplete"));
        assertTrue(done.containsKey("completedAt"));
        assertEquals(List.of("Move house", "Someday"), titles(tools.call("nc_calendar_list_tasks",
                "calendars", List.of(cal))));
        assertEquals(List.of("Pack books"), titles(tools.call("nc_calendar_list_tasks", "calendars", List.of(cal),
                "status", "completed")));
        JsonObject reopened = tools.call("nc_calendar_reopen_task", "calendar", cal, "uid", child.getString("uid"));
        assertFalse(reopened.getBoolean("completed"));
        assertFalse(reopened.containsKey("completedAt"));

        JsonObject updated = tools.call("nc_calendar_update_task", "calendar", cal, "uid", parent.getString("uid"),
                "etag", parent.getString("etag"), "summary", "Move house!", "status", "in-process",
                "percentComplete", 40, "due", "");
        assertEquals("IN-PROCESS", updated.getString("status"));
        assertFalse(updated.containsKey("due"));
        tools.fails(Kind.CONFLICT, "changed since", "nc_calendar_update_task", "calendar", cal,
                "uid", parent.getString("uid"), "etag", parent.getString("etag"), "summary", "stale");
        assertEquals(List.of("Pack books"), titles(tools.call("nc_calendar_search_tasks", "text", "BOOKS",
                "calendars", List.of(cal))));
        tools.call("nc_calendar_delete_task", "calendar", cal, "uid", child.getString("uid"));
        assertEquals(2, tools.call("nc_calendar_list_tasks", "calendars", List.of(cal)).getInt("total"));
        tools.fails(Kind.INVALID_ARGUMENT, "holds only", "nc_calendar_create_task", "calendar",
                tools.call("nc_calendar_create_calendar", "name", "Events only", "holds", "events").getString("id"),
                "summary", "x");
    }

    private static List<String> titles(JsonObject tasks) {
        return tasks.getJsonArray("tasks").getValuesAs(JsonObject.class).stream().map(t -> t.getString("summary"))
                .toList();
    }
}
