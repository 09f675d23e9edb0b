package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.spi.tool.Description;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A point in time as the tools show it: in the event's own zone and in UTC, or a date for all-day values. */
record When(
        @Description("For all-day values: the date, YYYY-MM-DD") Optional<String> date,
        @Description("The time in the event's own time zone, ISO 8601 with its UTC offset; without an offset for a "
                + "floating time (one that is the same wall-clock time in every zone)") Optional<String> dateTime,
        @Description("The time zone the event was written in (its TZID), e.g. Europe/Berlin, or UTC")
        Optional<String> timeZone,
        @Description("The same instant in UTC, ISO 8601") Optional<String> utc) {

    static When of(IcsTime time) {
        if (time.allDay()) {
            return new When(Optional.of(time.date().orElseThrow().toString()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        if (time.floating()) {
            return new When(Optional.empty(), Optional.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.localWall())),
                    Optional.empty(), Optional.empty());
        }
        Zone zone = time.zone().orElseThrow();
        Instant instant = time.instant(Zone.UTC);
        return new When(Optional.empty(), Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zone.at(instant))),
                Optional.of(time.utc() ? "UTC" : zone.tzid()), Optional.of(instant.toString()));
    }

    /** How a model passes this time back (as 'occurrence'): the date, the zoned time, or the floating time. */
    String reference() {
        return date.or(() -> dateTime).orElse("");
    }
}
