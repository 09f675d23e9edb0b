package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import dev.ncmcp.simulator.dav.StoredObject;
import dev.ncmcp.simulator.dav.TextMatch;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.Multistatus.CALDAV;

/** The CalDAV REPORTs: calendar-query, calendar-multiget and sync-collection. */
final class CalendarReports {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String SYNC_PREFIX = "http://sabre.io/ns/sync/";

    /** What to return of each object: its calendar-data as stored, or expanded over a range. */
    private record Wanted(boolean etag, boolean data, Optional<Instant[]> expand) {
    }

    SimResponse handle(CalendarRequest r, DavCollection calendar) {
        Optional<Element> root = r.body();
        if (root.isEmpty()) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "The REPORT request body is missing or invalid");
        }
        DavXml.QName kind = DavXml.QName.of(root.get());
        if (kind.is(CALDAV, "calendar-query")) {
            return query(r, calendar, root.get());
        }
        if (kind.is(CALDAV, "calendar-multiget")) {
            return multiget(r, calendar, root.get());
        }
        if (kind.is(DAV, "sync-collection")) {
            return sync(r, calendar, root.get());
        }
        return SabreError.response(415, SabreError.REPORT_NOT_SUPPORTED, "The {" + kind.namespace() + "}"
                + kind.local() + " REPORT is not supported on this url.");
    }

    private static Wanted wanted(Element root) {
        Optional<Element> prop = DavXml.child(root, DAV, "prop");
        boolean etag = prop.flatMap(p -> DavXml.child(p, DAV, "getetag")).isPresent();
        Optional<Element> data = prop.flatMap(p -> DavXml.child(p, CALDAV, "calendar-data"));
        Optional<Instant[]> expand = data.flatMap(d -> DavXml.child(d, CALDAV, "expand"))
                .map(e -> new Instant[] {time(e.getAttribute("start")), time(e.getAttribute("end"))});
        return new Wanted(etag, data.isPresent(), expand);
    }

    private SimResponse query(CalendarRequest r, DavCollection calendar, Element root) {
        Wanted wanted = wanted(root);
        Optional<Element> componentFilter = DavXml.find(root, CALDAV, "filter")
                .flatMap(f -> DavXml.child(f, CALDAV, "comp-filter"))
                .flatMap(vcalendar -> DavXml.child(vcalendar, CALDAV, "comp-filter"));
        Multistatus ms = Multistatus.caldav(false);
        calendar.objects().forEach((name, object) -> {
            Optional<ICalendarData> data = ICalendarData.parse(object.data());
            if (data.isPresent() && (componentFilter.isEmpty() || matches(data.get(), componentFilter.get()))) {
                ms.response(r.objectHref(name), props(object, data.get(), wanted));
            }
        });
        return SimResponse.xml(207, ms.build());
    }

    private static boolean matches(ICalendarData data, Element filter) {
        String type = filter.getAttribute("name").toUpperCase(Locale.ROOT);
        if (!data.componentType().equals(type)) {
            return false;
        }
        Optional<Element> range = DavXml.child(filter, CALDAV, "time-range");
        if (range.isPresent()) {
            Instant from = range.get().hasAttribute("start") ? time(range.get().getAttribute("start")) : Instant.MIN;
            Instant to = range.get().hasAttribute("end") ? time(range.get().getAttribute("end"))
                    : Instant.parse("9999-12-31T00:00:00Z");
            if (data.instances(type, max(from), to).isEmpty()) {
                return false;
            }
        }
        List<Component> components = data.objects().stream().filter(c -> c.getName().equalsIgnoreCase(type))
                .map(c -> (Component) c).toList();
        for (Element propFilter : DavXml.children(filter)) {
            if (DavXml.QName.of(propFilter).is(CALDAV, "prop-filter") && !propFilterMatches(components, propFilter)) {
                return false;
            }
        }
        return true;
    }

    private static Instant max(Instant from) {
        Instant floor = Instant.parse("1900-01-01T00:00:00Z");
        return from.isBefore(floor) ? floor : from;
    }

    /** A prop-filter on the object's components: is-not-defined, or a text-match on any of their values. */
    private static boolean propFilterMatches(List<Component> components, Element propFilter) {
        String name = propFilter.getAttribute("name");
        boolean notDefined = DavXml.child(propFilter, CALDAV, "is-not-defined").isPresent();
        List<String> values = components.stream().flatMap(c -> c.getProperties(name).stream())
                .map(p -> ((Property) p).getValue()).toList();
        if (notDefined) {
            return values.isEmpty();
        }
        Optional<Element> textMatch = DavXml.child(propFilter, CALDAV, "text-match");
        if (textMatch.isEmpty()) {
            return !values.isEmpty();
        }
        String text = textMatch.get().getTextContent();
        boolean caseless = !"i;octet".equals(textMatch.get().getAttribute("collation"));
        boolean negate = "yes".equals(textMatch.get().getAttribute("negate-condition"));
        String matchType = textMatch.get().hasAttribute("match-type") ? textMatch.get().getAttribute("match-type")
                : "contains";
        boolean any = values.stream().anyMatch(v -> TextMatch.matches(v, text, matchType, caseless));
        return negate != any;
    }

    private SimResponse multiget(CalendarRequest r, DavCollection calendar, Element root) {
        Wanted wanted = wanted(root);
        Multistatus ms = Multistatus.caldav(false);
        for (Element href : DavXml.children(root)) {
            if (!DavXml.QName.of(href).is(DAV, "href")) {
                continue;
            }
            String path = href.getTextContent().strip();
            String name = path.substring(path.lastIndexOf('/') + 1);
            StoredObject object = calendar.objects().get(name);
            if (object != null) {
                ICalendarData.parse(object.data()).ifPresent(data -> ms.response(r.objectHref(name),
                        props(object, data, wanted)));
            }
        }
        return SimResponse.xml(207, ms.build());
    }

    private SimResponse sync(CalendarRequest r, DavCollection calendar, Element root) {
        String token = DavXml.child(root, DAV, "sync-token").map(Element::getTextContent).orElse("").strip();
        long since;
        if (token.isEmpty()) {
            since = -1;
        } else if (token.startsWith(SYNC_PREFIX)) {
            try {
                since = Long.parseLong(token.substring(SYNC_PREFIX.length()));
            } catch (NumberFormatException e) {
                return invalidToken();
            }
        } else {
            return invalidToken();
        }
        Multistatus ms = Multistatus.caldav(false);
        List<DavXml.QName> props = DavXml.child(root, DAV, "prop")
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList()).orElse(List.of());
        if (since < 0) {
            calendar.objects().forEach((name, object) -> ms.response(r.objectHref(name),
                    CalendarProps.object(object, CalendarObjects.componentType(object), props)));
        } else {
            for (var change : calendar.changesSince(since)) {
                StoredObject object = calendar.objects().get(change.name());
                if (change.deleted() || object == null) {
                    ms.deleted(r.objectHref(change.name()));
                } else {
                    ms.response(r.objectHref(change.name()),
                            CalendarProps.object(object, CalendarObjects.componentType(object), props));
                }
            }
        }
        ms.append("<d:sync-token>" + calendar.syncTokenUri() + "</d:sync-token>");
        return SimResponse.xml(207, ms.build());
    }

    private static SimResponse invalidToken() {
        return SabreError.response(403, "Sabre\\DAV\\Exception\\InvalidSyncToken", "Invalid or unknown sync token");
    }

    private static List<Multistatus.PropStat> props(StoredObject object, ICalendarData data, Wanted wanted) {
        List<Multistatus.Prop> found = new ArrayList<>();
        if (wanted.etag()) {
            found.add(new Multistatus.Prop(new DavXml.QName(DAV, "getetag"), DavXml.escape(object.quotedEtag())));
        }
        if (wanted.data()) {
            String text = wanted.expand().map(range -> expanded(data, range[0], range[1]))
                    .orElseGet(() -> object.data().replace("\r", ""));
            found.add(new Multistatus.Prop(new DavXml.QName(CALDAV, "calendar-data"), DavXml.escape(text)));
        }
        return List.of(new Multistatus.PropStat(200, found));
    }

    /** Sabre's {@code <expand>}: each occurrence in the range as its own component, in UTC, without VTIMEZONE. */
    private static String expanded(ICalendarData data, Instant from, Instant to) {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:-//Sabre//Sabre VObject 4.5.6//EN\r\nCALSCALE:GREGORIAN\r\n");
        String type = data.componentType();
        for (ICalendarData.Instance instance : data.instances(type, from, to)) {
            out.append("BEGIN:").append(type).append("\r\n");
            for (Property property : instance.component().getProperties()) {
                String name = property.getName();
                if (!List.of("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID").contains(name)) {
                    out.append(property.toString().replace("\r\n", "").replace("\n", "")).append("\r\n");
                }
            }
            out.append("DTSTART:").append(UTC.format(instance.start())).append("\r\n");
            out.append("DTEND:").append(UTC.format(instance.end())).append("\r\n");
            if (instance.recurring()) {
                out.append("RECURRENCE-ID:").append(UTC.format(instance.start())).append("\r\n");
            }
            out.append("END:").append(type).append("\r\n");
        }
        return out.append("END:VCALENDAR\r\n").toString();
    }

    private static Instant time(String basic) {
        String value = basic.strip();
        return LocalDateTime.parse(value.substring(0, 15), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .toInstant(ZoneOffset.UTC);
    }
}
