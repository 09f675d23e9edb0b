package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.dav.DavAuth;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.Principals;
import dev.ncmcp.simulator.dav.StoredObject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendars of Nextcloud's dav app: {@code /remote.php/dav/calendars/…} and the principals that point there.
 * Sample data: a Personal calendar with a weekly meeting in Europe/Berlin, a lunch and an all-day event on the last
 * day of the month, and a Tasks calendar with open, completed and sub-tasks, all relative to today.
 */
public final class CalDavApp implements SimulatorApp {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final String BERLIN = """
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
            """;

    private final CalendarStore store = new CalendarStore();
    private final DavAuth auth;
    private final Principals principals;

    public CalDavApp(BasicAuth auth, Principals principals) {
        this.auth = new DavAuth(auth);
        this.principals = principals;
    }

    @Override
    public void register(Routes routes) {
        CalendarEndpoint calendars = new CalendarEndpoint(store);
        routes.prefix(CalendarEndpoint.ROOT, auth.requireUser(calendars::handle))
                .prefix(Principals.PREFIX, auth.requireUser(principals::handle));
    }

    @Override
    public void seedSampleData(String user) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate tuesday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        LocalDate thursday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        LocalDate monthEnd = today.with(TemporalAdjusters.lastDayOfMonth());
        store.with(user, calendars -> {
            DavCollection personal = calendars.get("personal");
            personal.put("team-sync.ics", StoredObject.of(calendar(BERLIN + event("sample-team-sync",
                    "DTSTART;TZID=Europe/Berlin:" + DATE.format(tuesday) + "T100000\r\n"
                            + "DTEND;TZID=Europe/Berlin:" + DATE.format(tuesday) + "T103000\r\n"
                            + "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n", "Team sync", "Video call",
                    "CATEGORIES:Work\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\nDESCRIPTION:Team sync\r\n"
                            + "END:VALARM\r\n"))));
            personal.put("lunch-anna.ics", StoredObject.of(calendar(BERLIN + event("sample-lunch",
                    "DTSTART;TZID=Europe/Berlin:" + DATE.format(thursday) + "T123000\r\n"
                            + "DTEND;TZID=Europe/Berlin:" + DATE.format(thursday) + "T133000\r\n",
                    "Lunch with Anna", "Café Central", ""))));
            personal.put("books-closing.ics", StoredObject.of(calendar(event("sample-month-end",
                    "DTSTART;VALUE=DATE:" + DATE.format(monthEnd) + "\r\nDTEND;VALUE=DATE:"
                            + DATE.format(monthEnd.plusDays(1)) + "\r\n", "Close the books", "", ""))));
            DavCollection tasks = CalendarStore.calendar("Tasks", "#c98879", "VTODO");
            calendars.put("tasks", tasks);
            tasks.put("passport.ics", StoredObject.of(calendar(todo("sample-passport", "Renew passport",
                    "DUE;VALUE=DATE:" + DATE.format(today.plusDays(10)) + "\r\nPRIORITY:1\r\nSTATUS:NEEDS-ACTION\r\n"
                            + "CATEGORIES:Personal\r\n"))));
            tasks.put("trip.ics", StoredObject.of(calendar(todo("sample-trip", "Plan the summer trip",
                    "STATUS:IN-PROCESS\r\nPERCENT-COMPLETE:30\r\nPRIORITY:5\r\n"))));
            tasks.put("flights.ics", StoredObject.of(calendar(todo("sample-flights", "Book flights",
                    "DUE;TZID=Europe/Berlin:" + DATE.format(today.plusDays(3)) + "T180000\r\nSTATUS:NEEDS-ACTION\r\n"
                            + "RELATED-TO;RELTYPE=PARENT:sample-trip\r\n") .replace("BEGIN:VTODO", BERLIN + "BEGIN:VTODO"))));
            tasks.put("milk.ics", StoredObject.of(calendar(todo("sample-milk", "Buy milk",
                    "STATUS:COMPLETED\r\nCOMPLETED:" + DATE.format(today.minusDays(1)) + "T090000Z\r\n"
                            + "PERCENT-COMPLETE:100\r\n"))));
            return null;
        });
    }

    private static String calendar(String body) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Nextcloud simulator//EN\r\nCALSCALE:GREGORIAN\r\n" + body
                + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String times, String summary, String location, String more) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n" + times + "SUMMARY:" + summary + "\r\n"
                + (location.isEmpty() ? "" : "LOCATION:" + location + "\r\n") + more + "END:VEVENT\r\n";
    }

    private static String todo(String uid, String summary, String more) {
        return "BEGIN:VTODO\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:" + summary + "\r\n" + more
                + "END:VTODO\r\n";
    }
}
