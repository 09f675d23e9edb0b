package dev.ncmcp.plugin.calendar;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.RecordedRequest;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.testkit.Radicale;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month of a calendar of 2,000 events is one REPORT, on the simulator and on Radicale; the time it takes is printed
 * (a measurement, not asserted: tests never depend on the machine's speed).
 */
class LargeCalendarIT {

    static final int EVENTS = 2000;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** 2,000 events over 2026, one in ten a weekly series, in Europe/Berlin. */
    static String event(int i) {
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i % 365);
        String rule = i % 10 == 0 ? "RRULE:FREQ=WEEKLY;COUNT=8\r\n" : "";
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//load//EN\r\n" + """
                BEGIN:VTIMEZONE\r
                TZID:Europe/Berlin\r
                BEGIN:DAYLIGHT\r
                TZOFFSETFROM:+0100\r
                TZOFFSETTO:+0200\r
                TZNAME:CEST\r
                DTSTART:19700329T020000\r
                RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
                END:DAYLIGHT\r
                BEGIN:STANDARD\r
                TZOFFSETFROM:+0200\r
                TZOFFSETTO:+0100\r
                TZNAME:CET\r
                DTSTART:19701025T030000\r
                RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
                END:STANDARD\r
                END:VTIMEZONE\r
                """ + "BEGIN:VEVENT\r\nUID:load-" + i + "\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;TZID=Europe/Berlin:" + BASIC.format(day) + "T" + String.format("%02d", 8 + i % 10) + "0000\r\n"
                + "DURATION:PT45M\r\n" + rule + "SUMMARY:Event " + i + "\r\nLOCATION:Room " + (i % 7) + "\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** How many of the events fall in June 2026, counting the occurrences of the weekly series. */
    static int inJune() {
        int count = 0;
        LocalDate from = LocalDate.of(2026, 6, 1);
        LocalDate to = LocalDate.of(2026, 7, 1);
        for (int i = 0; i < EVENTS; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i % 365);
            for (int week = 0; week < (i % 10 == 0 ? 8 : 1); week++) {
                LocalDate d = day.plusWeeks(week);
                if (!d.isBefore(from) && d.isBefore(to)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static JsonObject june(ToolCaller tools, String peer) throws Exception {
        long start = System.nanoTime();
        JsonObject june = tools.call("nc_calendar_list_events", "from", "2026-06-01", "to", "2026-07-01",
                "calendars", List.of("load"), "timeZone", "Europe/Berlin", "limit", 2000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("LargeCalendarIT: " + peer + ": June of a " + EVENTS + "-event calendar: " + june.getInt("total")
                + " occurrences in " + millis + " ms");
        return june;
    }

    @Test
    void aMonthOfTwoThousandEventsOnTheSimulatorIsOneReport() throws Exception {
        try (NextcloudSimulator simulator = NextcloudSimulator.builder().user("bob", "bob-pw").build().start()) {
            NextcloudClient client = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                    .baseUrl(simulator.baseUrl()).build()).appPassword("bob", "bob-pw");
            ToolCaller tools = new ToolCaller(client, "bob-pw");
            tools.call("nc_calendar_create_calendar", "name", "Load", "holds", "events");
            for (int i = 0; i < EVENTS; i++) {
                assertEquals(201, client.send(NextcloudRequest.put("/remote.php/dav/calendars/bob/load/e" + i + ".ics")
                        .body(event(i).getBytes(StandardCharsets.UTF_8), "text/calendar").build()).status());
            }
            june(tools, "simulator, first call"); // warm-up
            simulator.clearRequests();
            JsonObject june = june(tools, "simulator");
            assertEquals(inJune(), june.getInt("total"));
            List<RecordedRequest> reports = simulator.requests().stream().filter(r -> r.method().equals("REPORT"))
                    .toList();
            assertEquals(1, reports.size(), "one calendar-query REPORT for the month");
            assertTrue(june.getJsonArray("events").getJsonObject(0).getJsonObject("start").getString("dateTime")
                    .startsWith("2026-06-01T"));
        }
    }

    @Test
    void aMonthOfTwoThousandEventsOnRadicaleIsOneReport() throws Exception {
        try (Radicale radicale = Radicale.start()) {
            NextcloudClient client = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                    .baseUrl(radicale.baseUrl()).build()).appPassword(Radicale.USER, Radicale.PASSWORD);
            ToolCaller tools = new ToolCaller(client, Radicale.PASSWORD);
            tools.call("nc_calendar_create_calendar", "name", "Load", "holds", "events");
            Path folder = radicale.storage().resolve("collection-root/alice/load");
            for (int i = 0; i < EVENTS; i++) {
                Files.writeString(folder.resolve("e" + i + ".ics"), event(i));
            }
            june(tools, "Radicale, first call (fills its item cache)");
            JsonObject june = june(tools, "Radicale");
            assertEquals(inJune(), june.getInt("total"));
        }
    }
}
