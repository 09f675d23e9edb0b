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
            return Optional.of(new ICalendarData(new CalendarBuilder().build(new StringReader(withoutIanaZones(data)))));
        } catch (ParserException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The data without the VTIMEZONEs of IANA zones: Sabre reads a known TZID with PHP's zone database and uses a
     * VTIMEZONE only for other names; ical4j then uses its own zone database the same way, whatever definition each
     * object carries.
     */
    private static String withoutIanaZones(String data) {
        String text = data.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int start = text.indexOf("BEGIN:VTIMEZONE"); start >= 0; start = text.indexOf("BEGIN:VTIMEZONE", from)) {
            int end = text.indexOf("END:VTIMEZONE", start);
            if (end < 0) {
                break;
            }
            end += "END:VTIMEZONE".length();
            String block = text.substring(start, end);
            java.util.regex.Matcher tzid = java.util.regex.Pattern.compile("(?m)^TZID:(.*)$").matcher(block);
            boolean iana = tzid.find() && isIana(tzid.group(1).strip());
            out.append(text, from, start);
            if (!iana) {
                out.append(block);
            }
            from = end;
            if (iana && from < text.length() && text.charAt(from) == '\n') {
                from++;
            }
        }
        return out.append(text.substring(from)).toString().replace("\n", "\r\n");
    }

    private static boolean isIana(String tzid) {
        try {
            return tzid.contains("/") && java.time.ZoneId.of(tzid) != null;
        } catch (java.time.DateTimeException e) {
            return false;
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
            if (!recurring || component.getProperty(Property.RECURRENCE_ID).isPresent()) {
                single(component).filter(i -> overlaps(i, from, to)).ifPresent(out::add);
                continue;
            }
            for (Period<?> period : recurrenceSet(component, from, to)) {
                Instance instance = new Instance(component, instant(period.getStart()), instant(period.getEnd()), true);
                if (overlaps(instance, from, to)) {
                    out.add(instance);
                }
            }
        }
        return out;
    }

    /** A component without recurrence: its own start and end (DTEND, DUE, DURATION, or a day for a date). */
    private static Optional<Instance> single(Component component) {
        try {
            Temporal start = ((net.fortuna.ical4j.model.property.DtStart<?>) component.getProperty(Property.DTSTART)
                    .orElseThrow()).getDate();
            Instant begins = instant(start);
            Optional<Property> end = component.getProperty(Property.DTEND).or(() -> component.getProperty(Property.DUE));
            Instant ends;
            if (end.isPresent()) {
                ends = instant(((net.fortuna.ical4j.model.property.DateProperty<?>) end.get()).getDate());
            } else if (component.getProperty(Property.DURATION).isPresent()) {
                ends = begins.plus(java.time.Duration.from(((net.fortuna.ical4j.model.property.Duration)
                        component.getProperty(Property.DURATION).get()).getDuration()));
            } else {
                ends = start instanceof LocalDate ? begins.plus(java.time.Duration.ofDays(1)) : begins;
            }
            return Optional.of(new Instance(component, begins, ends, false));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean overlaps(Instance instance, Instant from, Instant to) {
        return instance.start().isBefore(to) && (instance.end().isAfter(from)
                || !instance.end().isAfter(instance.start()) && !instance.start().isBefore(from));
    }

    /**
     * The component's occurrences in the range. ical4j compares the range with the component's own kind of time:
     * zoned date-times for TZID values, instants or dates otherwise.
     */
    private static java.util.Set<? extends Period<?>> recurrenceSet(Component component, Instant from, Instant to) {
        try {
            return component.calculateRecurrenceSet(new Period<>(from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC)));
        } catch (java.time.DateTimeException notZoned) {
            return component.calculateRecurrenceSet(new Period<>(from, to));
        }
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
