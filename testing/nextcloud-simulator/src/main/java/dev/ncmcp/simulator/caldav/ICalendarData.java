package dev.ncmcp.simulator.caldav;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One stored iCalendar object read by ical4j, for what Sabre's CalDAV backend computes from it: the UID and component
 * type, whether a time range matches (recurrences expanded) and the expanded instances of an {@code <expand>}.
 */
final class ICalendarData {

    /** One occurrence: its start and end, and whether it belongs to a recurring series. */
    record Instance(Component component, Instant start, Instant end, boolean recurring) {
    }

    private final Calendar calendar;

    private ICalendarData(Calendar calendar) {
        this.calendar = calendar;
    }

    /** Parses the data; empty when it is not iCalendar, as Sabre's parser refuses it. */
    static Optional<ICalendarData> parse(String data) {
        if (!data.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ICalendarData(new CalendarBuilder().build(new StringReader(data))));
        } catch (ParserException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    List<CalendarComponent> objects() {
        return calendar.getComponents().stream().filter(c -> !c.getName().equals("VTIMEZONE")).toList();
    }

    Optional<String> uid() {
        return objects().stream().flatMap(c -> c.getProperty(Property.UID).stream()).map(Property::getValue).findFirst();
    }

    /** VEVENT, VTODO or VJOURNAL: the type of the object's first component. */
    String componentType() {
        return objects().stream().map(Component::getName).findFirst().orElse("VEVENT").toUpperCase(Locale.ROOT);
    }

    /** The occurrences of {@code type} overlapping {@code [from, to)}. */
    List<Instance> instances(String type, Instant from, Instant to) {
        List<Instance> out = new ArrayList<>();
        Period<Instant> range = new Period<>(from, to);
        for (CalendarComponent component : objects()) {
            if (!component.getName().equalsIgnoreCase(type)) {
                continue;
            }
            boolean recurring = component.getProperty(Property.RRULE).isPresent()
                    || component.getProperty(Property.RDATE).isPresent()
                    || component.getProperty(Property.RECURRENCE_ID).isPresent();
            if (component.getProperty(Property.DTSTART).isEmpty()) {
                todoWithoutStart(component, from, to).ifPresent(out::add);
                continue;
            }
            for (Period<?> period : component.calculateRecurrenceSet(range)) {
                Instant start = instant(period.getStart());
                Instant end = instant(period.getEnd());
                if (start.isBefore(to) && (end.isAfter(from) || !end.isAfter(start) && !start.isBefore(from))) {
                    out.add(new Instance(component, start, end, recurring));
                }
            }
        }
        return out;
    }

    /** A task without DTSTART matches by its DUE, and one with neither matches any range (RFC 4791 §9.9). */
    private static Optional<Instance> todoWithoutStart(Component component, Instant from, Instant to) {
        Optional<Property> due = component.getProperty(Property.DUE);
        if (due.isEmpty()) {
            return Optional.of(new Instance(component, from, from, false));
        }
        try {
            Temporal value = ((net.fortuna.ical4j.model.property.Due<?>) due.get()).getDate();
            Instant at = instant(value);
            return at.isBefore(to) && !at.isBefore(from) ? Optional.of(new Instance(component, at, at, false))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Instant instant(Temporal temporal) {
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (temporal instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return Instant.from(temporal);
    }
}
