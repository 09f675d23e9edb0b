package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.Multistatus.CALDAV;

/** {@code /remote.php/dav/calendars/<user>/…}: the calendar home, calendars and calendar objects. */
final class CalendarEndpoint {
    static final String ROOT = "/remote.php/dav/calendars/";
    private static final List<String> SPECIAL = List.of("inbox", "outbox", "trashbin");
    private static final String ALLOW = "OPTIONS, GET, HEAD, DELETE, PROPFIND, PUT, PROPPATCH, COPY, MOVE, REPORT";

    private final CalendarStore store;
    private final CalendarReports reports = new CalendarReports();

    CalendarEndpoint(CalendarStore store) {
        this.store = store;
    }

    SimResponse handle(SimRequest request, String user) {
        List<String> segments = PathSegments.of(request.path().substring(ROOT.length()));
        if (segments.isEmpty() || !segments.getFirst().equals(user) || segments.size() > 3) {
            return notFound(segments.isEmpty() ? "calendars" : segments.getLast());
        }
        CalendarRequest r = new CalendarRequest(request, user, ROOT + user + "/",
                segments.size() > 1 ? Optional.of(segments.get(1)) : Optional.empty(),
                segments.size() > 2 ? Optional.of(segments.get(2)) : Optional.empty());
        return store.with(user, calendars -> {
            if (r.calendar().isEmpty()) {
                return request.method().equals("PROPFIND") ? home(r, calendars) : notImplemented(request.method());
            }
            String id = r.calendar().get();
            if (SPECIAL.contains(id)) {
                return request.method().equals("PROPFIND") && r.object().isEmpty() ? special(r, id)
                        : SabreError.response(403, SabreError.FORBIDDEN, "Permission denied to " + id);
            }
            DavCollection calendar = calendars.get(id);
            if (request.method().equals("MKCALENDAR")) {
                return calendar != null
                        ? SabreError.response(405, SabreError.METHOD_NOT_ALLOWED,
                        "The resource you tried to create already exists").header("Allow", ALLOW)
                        : make(r, calendars, id);
            }
            if (calendar == null) {
                return notFound(id);
            }
            if (r.object().isPresent()) {
                return CalendarObjects.handle(r, calendar, calendars);
            }
            return switch (request.method()) {
                case "PROPFIND" -> calendar(r, calendar);
                case "PROPPATCH" -> proppatch(r, calendar);
                case "REPORT" -> calendar.deleted() ? notFound(id) : reports.handle(r, calendar);
                case "DELETE" -> delete(r, calendars, id, calendar);
                default -> notImplemented(request.method());
            };
        });
    }

    static SimResponse notFound(String name) {
        return SabreError.response(404, SabreError.NOT_FOUND, "Node with name '" + name + "' could not be found");
    }

    private static SimResponse notImplemented(String method) {
        return SabreError.response(501, SabreError.NOT_IMPLEMENTED,
                "There was no plugin in the system that was willing to handle this " + method + " method.");
    }

    private static SimResponse home(CalendarRequest r, Map<String, DavCollection> calendars) {
        Multistatus ms = Multistatus.caldav(false);
        List<DavXml.QName> props = r.requested();
        ms.response(r.home(), CalendarProps.collection(ms, CalendarProps.Kind.HOME, null, r.user(), props));
        if (r.depth() > 0) {
            calendars.forEach((id, calendar) -> {
                if (!calendar.deleted()) {
                    ms.response(r.home() + id + "/", CalendarProps.collection(ms, CalendarProps.Kind.CALENDAR,
                            calendar, r.user(), props));
                }
            });
            for (CalendarProps.Kind kind : List.of(CalendarProps.Kind.INBOX, CalendarProps.Kind.OUTBOX,
                    CalendarProps.Kind.TRASHBIN)) {
                ms.response(r.home() + kind.name().toLowerCase(java.util.Locale.ROOT) + "/",
                        CalendarProps.collection(ms, kind, null, r.user(), props));
            }
        }
        return SimResponse.xml(207, ms.build());
    }

    private static SimResponse special(CalendarRequest r, String id) {
        Multistatus ms = Multistatus.caldav(false);
        CalendarProps.Kind kind = switch (id) {
            case "inbox" -> CalendarProps.Kind.INBOX;
            case "outbox" -> CalendarProps.Kind.OUTBOX;
            default -> CalendarProps.Kind.TRASHBIN;
        };
        ms.response(r.home() + id + "/", CalendarProps.collection(ms, kind, null, r.user(), r.requested()));
        return SimResponse.xml(207, ms.build());
    }

    private static SimResponse calendar(CalendarRequest r, DavCollection calendar) {
        Multistatus ms = Multistatus.caldav(false);
        List<DavXml.QName> props = r.requested();
        ms.response(r.calendarHref(), CalendarProps.collection(ms, CalendarProps.Kind.CALENDAR, calendar, r.user(),
                props));
        if (r.depth() > 0 && !calendar.deleted()) {
            calendar.objects().forEach((name, object) -> ms.response(r.objectHref(name),
                    CalendarProps.object(object, CalendarObjects.componentType(object), props)));
        }
        return SimResponse.xml(207, ms.build());
    }

    private static SimResponse make(CalendarRequest r, Map<String, DavCollection> calendars, String id) {
        DavCollection calendar = CalendarStore.calendar(id, "#0082c9", "VEVENT,VTODO");
        calendar.properties().remove("displayname");
        Optional<Element> prop = r.body().flatMap(root -> DavXml.find(root, DAV, "prop"));
        prop.ifPresent(p -> set(calendar, p));
        calendars.put(id, calendar);
        return SimResponse.status(201).header("Content-Type", SimResponse.HTML);
    }

    /** Applies the properties of a MKCALENDAR or PROPPATCH {@code d:prop}. */
    private static List<DavXml.QName> set(DavCollection calendar, Element prop) {
        List<DavXml.QName> names = new ArrayList<>();
        for (Element property : DavXml.children(prop)) {
            DavXml.QName name = DavXml.QName.of(property);
            names.add(name);
            String key = switch (name.namespace() + " " + name.local()) {
                case DAV + " displayname" -> "displayname";
                case CalendarProps.APPLE + " calendar-color" -> "calendar-color";
                case CalendarProps.APPLE + " calendar-order" -> "calendar-order";
                case CALDAV + " calendar-description" -> "calendar-description";
                case CALDAV + " calendar-timezone" -> "calendar-timezone";
                default -> null;
            };
            if (key != null) {
                calendar.properties().put(key, property.getTextContent());
            } else if (name.is(CALDAV, "supported-calendar-component-set")) {
                List<String> comps = DavXml.children(property).stream().map(c -> c.getAttribute("name"))
                        .filter(n -> !n.isBlank()).toList();
                if (!comps.isEmpty()) {
                    calendar.properties().put("components", String.join(",", comps));
                }
            }
        }
        return names;
    }

    private static SimResponse proppatch(CalendarRequest r, DavCollection calendar) {
        List<DavXml.QName> changed = new ArrayList<>();
        r.body().ifPresent(root -> {
            for (Element part : DavXml.children(root)) {
                DavXml.child(part, DAV, "prop").ifPresent(prop -> {
                    if (DavXml.QName.of(part).is(DAV, "remove")) {
                        for (Element property : DavXml.children(prop)) {
                            DavXml.QName name = DavXml.QName.of(property);
                            calendar.properties().remove(name.local().equals("calendar-description")
                                    ? "calendar-description" : name.local());
                            changed.add(name);
                        }
                    } else {
                        changed.addAll(set(calendar, prop));
                    }
                });
            }
        });
        Multistatus ms = Multistatus.caldav(false);
        ms.response(r.calendarHref(), List.of(new Multistatus.PropStat(200, changed.stream()
                .map(name -> new Multistatus.Prop(name, null)).toList())));
        return SimResponse.xml(207, ms.build());
    }

    /** Moves a calendar to the trash bin; a calendar already there, or with X-NC-CalDAV-No-Trashbin, is purged. */
    private static SimResponse delete(CalendarRequest r, Map<String, DavCollection> calendars, String id,
                                      DavCollection calendar) {
        boolean purge = calendar.deleted() || r.request().header("X-NC-CalDAV-No-Trashbin").map("1"::equals)
                .orElse(false);
        if (purge) {
            calendars.remove(id);
        } else {
            calendar.deleted(true);
        }
        return SimResponse.status(204).header("Content-Type", SimResponse.HTML);
    }
}
