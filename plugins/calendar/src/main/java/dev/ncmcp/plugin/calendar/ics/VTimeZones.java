package dev.ncmcp.plugin.calendar.ics;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

import java.util.Optional;

/** The {@code VTIMEZONE} that goes with an IANA zone in a new or changed object, from ical4j's zone database. */
public final class VTimeZones {

    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    private VTimeZones() {
    }

    public static Optional<IcsComponent> of(String ianaId) {
        TimeZone zone;
        synchronized (REGISTRY) {
            zone = REGISTRY.getTimeZone(ianaId);
        }
        if (zone == null) {
            return Optional.empty();
        }
        try {
            String wrapped = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ncmcp//EN\r\n" + zone.getVTimeZone()
                    + "END:VCALENDAR\r\n";
            return Ics.parse(wrapped).components("VTIMEZONE").stream().findFirst();
        } catch (ParserException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds the {@code VTIMEZONE} of {@code time}'s zone to {@code calendar} unless it has one with that
     * {@code TZID}: every {@code TZID} an object uses needs its definition (RFC 5545 §3.6.5).
     */
    public static void ensure(IcsComponent calendar, IcsTime time) {
        if (time.utc() || time.zone().isEmpty()) {
            return;
        }
        String tzid = time.zone().get().tzid();
        boolean present = calendar.components("VTIMEZONE").stream()
                .anyMatch(vtimezone -> vtimezone.value("TZID").map(tzid::equals).orElse(false));
        if (!present) {
            of(tzid).ifPresent(vtimezone -> calendar.components().addFirst(vtimezone));
        }
    }
}
