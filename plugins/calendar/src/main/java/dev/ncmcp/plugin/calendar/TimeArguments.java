package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.plugin.calendar.ics.Zones;
import dev.ncmcp.spi.ToolException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.invalidArgument;

/** Reads the times and time zones models pass: ISO 8601 dates, local date-times with a zone, instants. */
final class TimeArguments {

    private TimeArguments() {
    }

    /** An IANA time zone name. */
    static Zone zone(String argument, String name) throws ToolException {
        return Zones.iana(name).map(Zone::of).orElseThrow(() -> invalidArgument("'" + argument + "': '" + name
                + "' is not an IANA time zone name; use one like Europe/Berlin, America/New_York or UTC."));
    }

    /**
     * A start, end, due date…: {@code 2026-03-29} is a date (all-day); {@code 2026-03-29T02:30} is a wall-clock time
     * in {@code timeZone}, kept as written with that TZID; {@code …Z} or {@code …+02:00} is an instant, written in
     * {@code timeZone} when one is given and in UTC otherwise.
     */
    static IcsTime time(String argument, String text, Optional<Zone> timeZone) throws ToolException {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return IcsTime.ofDate(LocalDate.parse(value));
            }
            if (hasOffset(value)) {
                Instant instant = OffsetDateTime.parse(value).toInstant();
                return timeZone.map(zone -> IcsTime.ofZoned(zone.wall(instant).withNano(0), zone))
                        .orElse(IcsTime.ofUtc(instant));
            }
            LocalDateTime wall = LocalDateTime.parse(value).withNano(0);
            Zone zone = timeZone.orElseThrow(() -> invalidArgument("'" + argument + "' is a local time (" + value
                    + ") but no 'timeZone' was given: give the IANA zone it is meant in (e.g. Europe/Berlin), or a "
                    + "time with Z or an offset."));
            return IcsTime.ofZoned(wall, zone);
        } catch (DateTimeParseException e) {
            throw invalidArgument("'" + argument + "' must be an ISO 8601 date (2026-12-01) or date-time "
                    + "(2026-12-01T10:00, 2026-12-01T09:00:00Z, 2026-12-01T10:00+01:00), not '" + value + "'.");
        }
    }

    /** A range boundary: a date is the start of that day in {@code zone}; a local time is read in {@code zone}. */
    static Instant instant(String argument, String text, Zone zone) throws ToolException {
        IcsTime time = time(argument, text, Optional.of(zone));
        return time.instant(zone);
    }

    private static boolean hasOffset(String value) {
        int t = value.indexOf('T');
        if (t < 0) {
            return false;
        }
        String clock = value.substring(t);
        return clock.endsWith("Z") || clock.endsWith("z") || clock.contains("+") || clock.contains("-");
    }
}
