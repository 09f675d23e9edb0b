package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.StoredObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.Multistatus.CALDAV;
import static dev.ncmcp.simulator.dav.Multistatus.CALENDARSERVER;

/**
 * The WebDAV properties of the calendar home, its calendars, inbox, outbox and trash bin, and calendar objects, as
 * Nextcloud 31 answers them ({@code caldav/02}, {@code 11}, {@code 27}), split into found (200) and missing (404).
 */
final class CalendarProps {
    static final String APPLE = "http://apple.com/ns/ical/";
    static final String NEXTCLOUD_COM = "http://nextcloud.com/ns";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final List<String> OWNER_PRIVILEGES = List.of("d:write", "d:write-properties", "d:write-content",
            "d:unlock", "d:bind", "d:unbind", "d:write-acl", "d:read", "d:read-acl", "d:read-current-user-privilege-set");

    enum Kind { HOME, CALENDAR, INBOX, OUTBOX, TRASHBIN }

    private CalendarProps() {
    }

    static List<Multistatus.PropStat> collection(Multistatus ms, Kind kind, DavCollection calendar, String user,
                                                 List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            String value = value(ms, kind, calendar, user, name);
            String inner = value == null || value.isEmpty() ? null : value;
            (value == null ? missing : found).add(new Multistatus.Prop(name, inner));
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    private static String value(Multistatus ms, Kind kind, DavCollection calendar, String user, DavXml.QName name) {
        String key = name.namespace() + " " + name.local();
        if (key.equals(DAV + " resourcetype")) {
            return "<d:collection/>" + switch (kind) {
                case HOME -> "";
                case CALENDAR -> calendar.deleted() ? ms.empty(NEXTCLOUD_COM, "deleted-calendar") : "<cal:calendar/>";
                case INBOX -> "<cal:schedule-inbox/>";
                case OUTBOX -> "<cal:schedule-outbox/>";
                case TRASHBIN -> ms.empty(NEXTCLOUD_COM, "trash-bin");
            };
        }
        if (key.equals(DAV + " current-user-privilege-set")) {
            List<String> privileges = switch (kind) {
                case HOME -> OWNER_PRIVILEGES;
                case CALENDAR -> append(OWNER_PRIVILEGES, "cal:read-free-busy");
                case INBOX -> List.of("cal:schedule-deliver", "cal:schedule-deliver-invite", "cal:schedule-deliver-reply",
                        "cal:schedule-query-freebusy", "d:unbind", "d:write-properties", "d:read", "d:read-acl",
                        "d:read-current-user-privilege-set");
                case OUTBOX -> List.of("cal:schedule-send", "cal:schedule-send-invite", "cal:schedule-send-reply",
                        "cal:schedule-send-freebusy", "cal:schedule-post-vevent", "d:read", "d:read-acl",
                        "d:read-current-user-privilege-set");
                case TRASHBIN -> append(List.of("d:all", "d:read"), OWNER_PRIVILEGES.stream()
                        .filter(p -> !p.equals("d:read")).toArray(String[]::new));
            };
            StringBuilder out = new StringBuilder();
            privileges.forEach(p -> out.append("<d:privilege><").append(p).append("/></d:privilege>"));
            return out.toString();
        }
        if (kind != Kind.CALENDAR) {
            return null;
        }
        return switch (key) {
            case DAV + " displayname" -> calendar.property("displayname").map(DavXml::escape).orElse(null);
            case DAV + " sync-token", CALENDARSERVER + " getctag" -> calendar.syncTokenUri();
            case CALDAV + " supported-calendar-component-set" -> components(calendar);
            case CALDAV + " calendar-description" -> calendar.property("calendar-description").map(DavXml::escape)
                    .orElse(null);
            case APPLE + " calendar-color" -> calendar.property("calendar-color").map(DavXml::escape).orElse(null);
            case APPLE + " calendar-order" -> calendar.property("calendar-order").orElse(null);
            case "http://owncloud.org/ns owner-principal" -> calendar.deleted() ? null : "principals/users/" + user;
            default -> null;
        };
    }

    static String components(DavCollection calendar) {
        StringBuilder out = new StringBuilder();
        for (String comp : calendar.property("components").orElse("VEVENT,VTODO").split(",")) {
            out.append("<cal:comp name=\"").append(comp).append("\"/>");
        }
        return out.toString();
    }

    static List<Multistatus.PropStat> object(StoredObject object, String componentType, List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            String value = switch (name.namespace() + " " + name.local()) {
                case DAV + " getetag" -> DavXml.escape(object.quotedEtag());
                case DAV + " getcontenttype" -> "text/calendar; charset=utf-8; component="
                        + componentType.toLowerCase(Locale.ROOT);
                case DAV + " getlastmodified" -> HTTP_DATE.format(Instant.ofEpochSecond(object.lastModified()));
                case DAV + " resourcetype" -> "";
                case DAV + " getcontentlength" -> Integer.toString(object.data().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8).length);
                default -> null;
            };
            String inner = value == null || value.isEmpty() ? null : value;
            (value == null ? missing : found).add(new Multistatus.Prop(name, inner));
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    private static List<String> append(List<String> first, String... more) {
        List<String> out = new ArrayList<>(first);
        out.addAll(List.of(more));
        return out;
    }
}
