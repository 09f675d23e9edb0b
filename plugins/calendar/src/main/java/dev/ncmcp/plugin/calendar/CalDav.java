package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.Ics;
import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlWriter;
import jakarta.json.JsonValue;
import net.fortuna.ical4j.data.ParserException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/**
 * The user's calendars over CalDAV (RFC 4791), found from the calendar home the server names: listing them, one
 * {@code calendar-query} REPORT per calendar for the objects a tool needs, and reading, writing and deleting objects
 * with their ETags.
 */
final class CalDav {

    static final QName CALENDAR_DATA = QName.caldav("calendar-data");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final NextcloudClient client;

    private CalDav(NextcloudClient client) {
        this.client = client;
    }

    static CalDav of(ToolInvocation call) {
        return new CalDav(call.nextcloud());
    }

    NextcloudClient client() {
        return client;
    }

    String home() throws ToolException {
        return client.calendarHome();
    }

    List<CalendarInfo> calendars() throws ToolException {
        String home = home();
        NextcloudResponse response = Answer.of(client.send(Dav.propfind(home, 1, CalendarInfo.PROPERTIES)))
                .about("the calendar home " + home).expect(207);
        String principal = client.principal();
        List<CalendarInfo> out = new ArrayList<>();
        for (DavEntry entry : Multistatus.read(response)) {
            if (CalendarInfo.isCalendar(entry)) {
                out.add(CalendarInfo.of(entry, principal));
            }
        }
        return out;
    }

    /** The calendar a model names by id or display name; an unknown one is an argument error listing the others. */
    CalendarInfo calendar(String argument, String idOrName) throws ToolException {
        List<CalendarInfo> all = calendars();
        Optional<CalendarInfo> found = all.stream().filter(c -> c.id().equals(idOrName)).findFirst()
                .or(() -> all.stream().filter(c -> c.name().equalsIgnoreCase(idOrName.strip())).findFirst());
        return found.orElseThrow(() -> invalidArgument("'" + argument + "': there is no calendar '" + idOrName
                + "'. The user's calendars are: " + String.join(", ", all.stream()
                .map(c -> c.id() + " (" + c.name() + ")").toList()) + ". Use nc_calendar_list_calendars."));
    }

    /** The calendars holding {@code component}: the named ones, or all when none are named. */
    List<CalendarInfo> calendars(String argument, List<String> named, String component) throws ToolException {
        if (named.isEmpty()) {
            return calendars().stream().filter(c -> c.holds(component)).toList();
        }
        List<CalendarInfo> out = new ArrayList<>();
        for (String name : named) {
            out.add(calendar(argument, name));
        }
        return out;
    }

    /**
     * The objects of one calendar with a {@code component} in {@code [from, to)} (both optional), unexpanded: the
     * plugin expands series itself, so that every occurrence keeps its own time zone (a server-side
     * {@code <expand>} rewrites the times to UTC and drops the VTIMEZONE).
     */
    List<CalendarObject> query(CalendarInfo calendar, String component, Optional<Instant> from, Optional<Instant> to,
                               Map<String, String> textMatches) throws ToolException {
        String body = XmlWriter.document(QName.caldav("calendar-query"), root -> {
            root.element(QName.dav("prop"), prop -> prop.empty(QName.dav("getetag")).empty(CALENDAR_DATA));
            root.element(QName.caldav("filter"), filter -> filter.element(QName.caldav("comp-filter"),
                    Map.of("name", "VCALENDAR"), vcalendar -> vcalendar.element(QName.caldav("comp-filter"),
                            Map.of("name", component), comp -> {
                                if (from.isPresent() || to.isPresent()) {
                                    Map<String, String> range = new LinkedHashMap<>();
                                    from.ifPresent(f -> range.put("start", UTC.format(f)));
                                    to.ifPresent(t -> range.put("end", UTC.format(t)));
                                    comp.empty(QName.caldav("time-range"), range);
                                }
                                textMatches.forEach((property, text) -> comp.element(QName.caldav("prop-filter"),
                                        Map.of("name", property), match -> match.text(QName.caldav("text-match"),
                                                Map.of("collation", "i;octet"), text)));
                            })));
        });
        NextcloudResponse response = Answer.of(client.send(Dav.report(calendar.href(), 1, body)))
                .about("calendar " + calendar.id()).expect(207);
        List<CalendarObject> out = new ArrayList<>();
        for (DavEntry entry : Multistatus.read(response)) {
            Optional<String> data = entry.property(CALENDAR_DATA).filter(d -> !d.isBlank());
            if (entry.status() == 200 && data.isPresent()) {
                parse(data.get()).ifPresent(ics -> out.add(new CalendarObject(calendar, entry.href(),
                        entry.dav("getetag"), ics)));
            }
        }
        return out;
    }

    /** The object holding the {@code component} with this UID. */
    CalendarObject byUid(CalendarInfo calendar, String component, String uid, String what) throws ToolException {
        return query(calendar, component, Optional.empty(), Optional.empty(), Map.of("UID", uid)).stream()
                .filter(o -> o.ics().components(component).stream()
                        .anyMatch(c -> c.value("UID").map(uid::equals).orElse(false)))
                .findFirst()
                .orElseThrow(() -> notFound("There is no " + what + " with uid '" + uid + "' in calendar "
                        + calendar.id() + ". List them to find its uid."));
    }

    /**
     * Stores an object: a new one with {@code If-None-Match: *}, a changed one with {@code If-Match} when an etag is
     * known. Returns the new etag when the server sends one.
     */
    Optional<String> put(String href, IcsComponent ics, boolean create, Optional<Etag> ifMatch, String about,
                         Supplier<JsonValue> current) throws ToolException {
        NextcloudRequest.Builder put = NextcloudRequest.put(href)
                .body(Ics.write(ics).getBytes(StandardCharsets.UTF_8), "text/calendar; charset=utf-8");
        if (create) {
            put.header("If-None-Match", "*");
        }
        ifMatch.ifPresent(tag -> put.header("If-Match", tag.header()));
        NextcloudResponse response = Answer.of(client.send(put.build())).about(about)
                .on(400, refusal -> refusal.says("uid already exists")
                        ? ToolException.conflict(capitalised(about) + " cannot be created: the calendar already holds "
                        + "an object with this uid. Change that one instead, or create this with another uid.", null)
                        : null)
                .on(403, refusal -> ToolException.permissionDenied("The calendar does not allow changes by this user"
                        + refusal.reason().map(r -> " (" + r + ")").orElse("") + ". Choose a calendar that is not "
                        + "read-only (nc_calendar_list_calendars)."))
                .on(412, refusal -> create
                        ? ToolException.conflict(capitalised(about) + " already exists.", current.get())
                        : ToolException.conflict(capitalised(about) + " has changed since it was read (its etag no "
                        + "longer matches); nothing was changed. The current version is in the details: apply the "
                        + "change to it and retry with its etag.", current.get()))
                .expect(200, 201, 204);
        return response.header("ETag").filter(tag -> !tag.isBlank());
    }

    void delete(String href, Optional<Etag> ifMatch, String about, Supplier<JsonValue> current) throws ToolException {
        NextcloudRequest.Builder delete = NextcloudRequest.delete(href);
        ifMatch.ifPresent(tag -> delete.header("If-Match", tag.header()));
        Answer.of(client.send(delete.build())).about(about)
                .on(412, refusal -> ToolException.conflict(capitalised(about) + " has changed since it was read (its "
                        + "etag no longer matches); nothing was deleted. The current version is in the details.",
                        current.get()))
                .expect(200, 204);
    }

    /** A path for a new object in a calendar, named after its UID. */
    static String newHref(CalendarInfo calendar, String uid) {
        String name = uid.replaceAll("[^A-Za-z0-9._@-]", "-");
        return DavPaths.child(calendar.href(), List.of(name + ".ics"));
    }

    static Optional<IcsComponent> parse(String data) {
        try {
            return Optional.of(Ics.parse(data));
        } catch (ParserException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
