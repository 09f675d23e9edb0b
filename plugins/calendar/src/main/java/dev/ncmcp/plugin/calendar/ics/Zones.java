package dev.ncmcp.plugin.calendar.ics;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the {@code TZID}s of one calendar object: an IANA name gets the JDK's rules (the zone an event was created
 * in keeps its name), any other name the rules of the object's own {@code VTIMEZONE} (built by ical4j), and a name
 * with neither is read as UTC rather than failing the whole listing.
 */
public final class Zones {

    private final IcsComponent calendar;
    private final Map<String, Zone> resolved = new HashMap<>();

    public Zones(IcsComponent calendar) {
        this.calendar = calendar;
    }

    public Zone zone(String tzid) {
        return resolved.computeIfAbsent(tzid, this::resolve);
    }

    private Zone resolve(String tzid) {
        Optional<ZoneId> iana = iana(tzid);
        if (iana.isPresent()) {
            return new Zone(tzid, iana.get().getRules(), iana);
        }
        return calendar.components("VTIMEZONE").stream()
                .filter(vtimezone -> vtimezone.value("TZID").map(tzid::equals).orElse(false))
                .findFirst()
                .flatMap(vtimezone -> rulesOf(vtimezone, tzid))
                .orElse(new Zone(tzid, Zone.UTC.rules(), Optional.empty()));
    }

    /** The JDK zone of an IANA name, also when written the Mozilla way ({@code /mozilla.org/…/Europe/Berlin}). */
    public static Optional<ZoneId> iana(String tzid) {
        String name = tzid.strip();
        int region = name.startsWith("/") ? name.indexOf('/', name.indexOf('/', 1) + 1) : -1;
        for (String candidate : region > 0 ? new String[] {name, name.substring(region + 1)} : new String[] {name}) {
            try {
                if (candidate.contains("/") || candidate.equals("UTC") || candidate.equals("GMT")) {
                    return Optional.of(ZoneId.of(candidate));
                }
            } catch (DateTimeException e) {
                // not an IANA name
            }
        }
        return Optional.empty();
    }

    private static Optional<Zone> rulesOf(IcsComponent vtimezone, String tzid) {
        IcsComponent wrapper = new IcsComponent("VCALENDAR").add(IcsProperty.of("VERSION", "2.0"))
                .add(IcsProperty.of("PRODID", "-//ncmcp//EN")).add(vtimezone);
        try {
            Calendar parsed = new CalendarBuilder().build(new StringReader(Ics.write(wrapper)));
            Optional<VTimeZone> typed = parsed.getComponent("VTIMEZONE");
            if (typed.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Zone(tzid, new ZoneRulesBuilder().vTimeZone(typed.get()).build(), Optional.empty()));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
