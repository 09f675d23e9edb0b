package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Recurrences;
import dev.ncmcp.plugin.calendar.ics.VTimeZones;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.plugin.calendar.ics.Zones;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Range;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.invalidArgument;

/**
 * Writes what a model asks for into a VEVENT (or VTODO): times with their zone and VTIMEZONE, text fields,
 * categories, status, reminders, recurrence, attendees. Only the named properties change; everything else the
 * component holds stays as it is.
 */
final class EventFields {

    enum Role { REQUIRED, OPTIONAL, CHAIR }

    record AttendeeInput(@Description("E-mail address") String email,
                         @Description("Name") Optional<String> name,
                         @Description("required (default), optional or chair") @Default("required") Role role) {
    }

    record ReminderInput(@Description("Minutes before the start (negative: after)") @Range(min = -10080, max = 40320)
                         int minutesBefore) {
    }

    static final String DATE_TIME = "ISO 8601: a date (2026-12-01, all-day), a local date-time (2026-12-01T10:00, "
            + "read in 'timeZone') or an instant (2026-12-01T09:00:00Z)";

    private EventFields() {
    }

    static Optional<Zone> zone(Optional<String> timeZone) throws ToolException {
        return timeZone.isPresent() ? Optional.of(TimeArguments.zone("timeZone", timeZone.get())) : Optional.empty();
    }

    /**
     * Sets start and end: an explicit end, else a duration, else the old length kept (for a move), else one hour
     * (one day for all-day events).
     */
    static void times(IcsComponent calendar, IcsComponent event, Optional<String> start, Optional<String> end,
                      Optional<String> duration, Optional<Zone> zone) throws ToolException {
        Zones zones = new Zones(calendar);
        Optional<IcsTime> oldStart = Recurrences.start(event, zones);
        Optional<IcsTime> oldEnd = Recurrences.end(event, oldStart, zones);
        Optional<Zone> localZone = zone.or(() -> oldStart.flatMap(IcsTime::zone).filter(z -> !oldStart.get().utc()));
        IcsTime newStart;
        if (start.isPresent()) {
            newStart = TimeArguments.time("start", start.get(), localZone);
        } else if (zone.isPresent() && oldStart.isPresent() && !oldStart.get().allDay()) {
            newStart = moved(oldStart.get(), zone.get());
        } else {
            newStart = oldStart.orElseThrow(() -> invalidArgument("'start' is required"));
        }
        IcsTime newEnd;
        if (end.isPresent()) {
            newEnd = TimeArguments.time("end", end.get(), zone.or(() -> newStart.zone().filter(z -> !newStart.utc()))
                    .or(() -> localZone));
        } else if (duration.isPresent()) {
            try {
                newEnd = Recurrences.plus(newStart, duration.get());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw invalidArgument("'duration' must be an ISO 8601 duration such as PT30M, PT1H30M or P1D, not '"
                        + duration.get() + "'.");
            }
        } else if (oldStart.isPresent() && oldEnd.isPresent() && oldStart.get().allDay() == newStart.allDay()) {
            newEnd = oldEnd.get().allDay() ? IcsTime.ofDate(newStart.date().orElseThrow().plusDays(
                    ChronoUnit.DAYS.between(oldStart.get().date().orElseThrow(),
                            oldEnd.get().date().orElseThrow())))
                    : start.isEmpty() && zone.isPresent() ? moved(oldEnd.get(), zone.get())
                    : Recurrences.plusExact(newStart, Recurrences.length(oldStart.get(), oldEnd.get(), Zone.UTC));
        } else {
            newEnd = newStart.allDay() ? IcsTime.ofDate(newStart.date().orElseThrow().plusDays(1))
                    : Recurrences.plusExact(newStart, Duration.ofHours(1));
        }
        if (newEnd.allDay() != newStart.allDay()) {
            throw invalidArgument("'start' and 'end' must both be dates (an all-day event) or both date-times.");
        }
        Zone view = newStart.zone().orElse(Zone.UTC);
        if (newEnd.instant(view).isBefore(newStart.instant(view))
                || newStart.allDay() && !newEnd.instant(view).isAfter(newStart.instant(view))) {
            throw invalidArgument("'end' must be after 'start'" + (newStart.allDay() ? " (for all-day events 'end' "
                    + "is the day after the last day)" : "") + ".");
        }
        event.set(newStart.property("DTSTART"));
        event.removeAll("DURATION");
        event.set(newEnd.property("DTEND"));
        VTimeZones.ensure(calendar, newStart);
        VTimeZones.ensure(calendar, newEnd);
    }

    /** The same instant written in another zone. */
    static IcsTime moved(IcsTime time, Zone zone) {
        Instant instant = time.instant(Zone.UTC);
        return IcsTime.ofZoned(zone.wall(instant), zone);
    }

    static void categories(IcsComponent event, List<String> categories) {
        event.removeAll("CATEGORIES");
        if (!categories.isEmpty()) {
            event.add(IcsProperty.of("CATEGORIES", String.join(",", categories.stream()
                    .map(String::strip).filter(c -> !c.isEmpty()).map(IcsProperty::escape).toList())));
        }
    }

    static void reminders(IcsComponent event, List<ReminderInput> reminders) {
        event.removeComponents(c -> c.is("VALARM"));
        String summary = event.text("SUMMARY").orElse("");
        reminders.forEach(r -> event.add(Reminder.alarm(r.minutesBefore(), summary)));
    }

    static void recurrence(IcsComponent event, String rule) throws ToolException {
        String text = rule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        if (text.isEmpty()) {
            event.removeAll("RRULE");
            return;
        }
        try {
            new net.fortuna.ical4j.model.Recur<>(text);
        } catch (RuntimeException e) {
            throw invalidArgument("'recurrence' is not an RFC 5545 recurrence rule (" + e.getMessage()
                    + "); write one like FREQ=WEEKLY;BYDAY=MO,WE or FREQ=MONTHLY;BYMONTHDAY=1;COUNT=6.");
        }
        if (!text.toUpperCase().contains("FREQ=")) {
            throw invalidArgument("'recurrence' needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=MO.");
        }
        event.set(IcsProperty.of("RRULE", text));
    }

    /** EXDATEs in the kind of value the start is (date, or date-time in its zone), as RFC 5545 requires. */
    static void exceptions(IcsComponent calendar, IcsComponent event, List<String> exceptions) throws ToolException {
        event.removeAll("EXDATE");
        IcsTime start = Recurrences.start(event, new Zones(calendar)).orElseThrow(
                () -> invalidArgument("'exceptions' need the event to have a start"));
        for (String exception : exceptions) {
            event.add(sameKind(start, TimeArguments.time("exceptions", exception, start.zone())).property("EXDATE"));
        }
    }

    /** A time written like {@code like}: a date for an all-day series, its zone's wall time otherwise. */
    static IcsTime sameKind(IcsTime like, IcsTime time) {
        if (like.allDay()) {
            return time.allDay() ? time : IcsTime.ofDate(time.localWall().toLocalDate());
        }
        if (time.allDay()) {
            return like.withWall(time.date().orElseThrow().atTime(like.localWall().toLocalTime()));
        }
        if (like.floating()) {
            return IcsTime.ofFloating(time.localWall());
        }
        Zone zone = like.zone().orElseThrow();
        Instant instant = time.instant(zone);
        return like.utc() ? IcsTime.ofUtc(instant) : IcsTime.ofZoned(zone.wall(instant), zone);
    }

    static void attendees(IcsComponent event, List<AttendeeInput> attendees) {
        event.removeAll("ATTENDEE");
        for (AttendeeInput attendee : attendees) {
            IcsProperty property = IcsProperty.of("ATTENDEE", Person.mailto(attendee.email()))
                    .withParameter("CUTYPE", "INDIVIDUAL")
                    .withParameter("ROLE", switch (attendee.role()) {
                        case REQUIRED -> "REQ-PARTICIPANT";
                        case OPTIONAL -> "OPT-PARTICIPANT";
                        case CHAIR -> "CHAIR";
                    })
                    .withParameter("PARTSTAT", "NEEDS-ACTION")
                    .withParameter("RSVP", "TRUE");
            if (attendee.name().filter(n -> !n.isBlank()).isPresent()) {
                property = property.withParameter("CN", attendee.name().get());
            }
            event.add(property);
        }
    }

    static void organizer(IcsComponent event, String email, Optional<String> name) {
        IcsProperty organizer = IcsProperty.of("ORGANIZER", Person.mailto(email));
        if (name.filter(n -> !n.isBlank()).isPresent()) {
            organizer = organizer.withParameter("CN", name.get());
        }
        event.set(organizer);
    }

    /** A new SEQUENCE and DTSTAMP, as RFC 5546 asks of every change (clients and invitations rely on them). */
    static void stamp(IcsComponent event, boolean changed) {
        event.set(IcsProperty.of("DTSTAMP", IcsTime.ofUtc(Instant.now().truncatedTo(ChronoUnit.SECONDS)).value()));
        event.set(IcsProperty.of("LAST-MODIFIED", event.value("DTSTAMP").orElseThrow()));
        if (changed) {
            int sequence = event.value("SEQUENCE").map(s -> {
                try {
                    return Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }).orElse(0);
            event.set(IcsProperty.of("SEQUENCE", Integer.toString(sequence + 1)));
        }
    }

    /** Validates a status argument against the values RFC 5545 allows for the component. */
    static String status(String value, List<String> allowed) throws ToolException {
        String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw invalidArgument("'status' must be one of " + String.join(", ", allowed) + ".");
        }
        return upper;
    }
}
