package dev.ncmcp.plugin.calendar.ics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * A DATE or DATE-TIME value of an iCalendar property (RFC 5545 §3.3.4, §3.3.5), in one of its four forms: a date
 * (all-day), a wall-clock time in a named zone ({@code TZID}), a UTC time ({@code …Z}) or a floating time.
 *
 * @param date the date, for an all-day value
 * @param wall the wall-clock time, for the other forms (UTC ones too)
 * @param zone the zone of a {@code TZID} value, or {@link Zone#UTC} for a UTC value; empty for dates and floating
 */
public record IcsTime(Optional<LocalDate> date, Optional<LocalDateTime> wall, Optional<Zone> zone, boolean utc) {

    static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    public static IcsTime ofDate(LocalDate date) {
        return new IcsTime(Optional.of(date), Optional.empty(), Optional.empty(), false);
    }

    public static IcsTime ofUtc(Instant instant) {
        return new IcsTime(Optional.empty(), Optional.of(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)),
                Optional.of(Zone.UTC), true);
    }

    public static IcsTime ofZoned(LocalDateTime wall, Zone zone) {
        return new IcsTime(Optional.empty(), Optional.of(wall), Optional.of(zone), false);
    }

    public static IcsTime ofFloating(LocalDateTime wall) {
        return new IcsTime(Optional.empty(), Optional.of(wall), Optional.empty(), false);
    }

    public boolean allDay() {
        return date.isPresent();
    }

    public boolean floating() {
        return date.isEmpty() && zone.isEmpty();
    }

    /**
     * The instant; dates and floating times, which have none, are read in {@code viewZone} (the zone the user looks
     * at the calendar in), dates at the start of the day.
     */
    public Instant instant(Zone viewZone) {
        if (date.isPresent()) {
            return viewZone.instant(date.get().atStartOfDay());
        }
        return zone.orElse(viewZone).instant(wall.orElseThrow());
    }

    /** The same kind of value moved to another wall-clock time or date (for occurrences of a series). */
    public IcsTime withWall(LocalDateTime newWall) {
        return date.isPresent() ? ofDate(newWall.toLocalDate())
                : new IcsTime(Optional.empty(), Optional.of(newWall), zone, utc);
    }

    /** The local wall time (a date starts at midnight). */
    public LocalDateTime localWall() {
        return date.map(LocalDate::atStartOfDay).orElseGet(wall::orElseThrow);
    }

    /** The property value, {@code 20261201T100000}, {@code 20261201T090000Z} or {@code 20261201}. */
    public String value() {
        if (date.isPresent()) {
            return BASIC_DATE.format(date.get());
        }
        return BASIC_DATE_TIME.format(wall.orElseThrow()) + (utc ? "Z" : "");
    }

    /** The property with its {@code VALUE=DATE} or {@code TZID} parameter. */
    public IcsProperty property(String name) {
        IcsProperty property = IcsProperty.of(name, value());
        if (date.isPresent()) {
            return property.withParameter("VALUE", "DATE");
        }
        return zone.filter(z -> !utc).map(z -> property.withParameter("TZID", z.tzid())).orElse(property);
    }

    /** Reads a property's value; {@code zones} resolves its {@code TZID}. */
    public static IcsTime read(IcsProperty property, Zones zones) {
        return read(property.value(), property.parameters(), zones);
    }

    static IcsTime read(String rawValue, Map<String, String> parameters, Zones zones) {
        String value = rawValue.strip();
        if (value.length() == 8 || parameters.entrySet().stream()
                .anyMatch(e -> e.getKey().equalsIgnoreCase("VALUE") && e.getValue().equalsIgnoreCase("DATE"))) {
            return ofDate(LocalDate.parse(value.substring(0, 8), BASIC_DATE));
        }
        if (value.endsWith("Z") || value.endsWith("z")) {
            return ofUtc(LocalDateTime.parse(value.substring(0, 15), BASIC_DATE_TIME).toInstant(ZoneOffset.UTC));
        }
        LocalDateTime wall = LocalDateTime.parse(value.substring(0, 15), BASIC_DATE_TIME);
        Optional<String> tzid = parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("TZID"))
                .map(Map.Entry::getValue).findFirst();
        return tzid.map(id -> ofZoned(wall, zones.zone(id))).orElseGet(() -> ofFloating(wall));
    }
}
