package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Occurrence;
import dev.ncmcp.plugin.calendar.ics.Zones;
import dev.ncmcp.spi.tool.Description;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An event, or one occurrence of a recurring event, with all its fields. */
record Event(
        @Description("The calendar's id") String calendar,
        @Description("The event's uid; with 'calendar' it names the event to the other tools") String uid,
        @Description("Version tag; pass it as 'etag' when changing or deleting the event") Optional<String> etag,
        @Description("Title") String summary,
        @Description("Start (of this occurrence)") Optional<When> start,
        @Description("End (of this occurrence); for all-day events the day after the last day") Optional<When> end,
        @Description("true for an all-day event (dates without times)") boolean allDay,
        @Description("Location") Optional<String> location,
        @Description("Description") Optional<String> description,
        @Description("TENTATIVE, CONFIRMED or CANCELLED") Optional<String> status,
        @Description("Categories (tags)") List<String> categories,
        @Description("true when the event belongs to a recurring series") boolean recurring,
        @Description("The series' recurrence rule (RFC 5545 RRULE), e.g. FREQ=WEEKLY;BYDAY=TU") Optional<String> recurrence,
        @Description("Occurrences removed from the series (EXDATE), in the event's zone") List<String> exceptions,
        @Description("For an occurrence of a series: its original start, which names it as 'occurrence' to "
                + "nc_calendar_update_event and nc_calendar_delete_event") Optional<String> occurrence,
        @Description("The organizer, for meetings") Optional<Person> organizer,
        @Description("Attendees, for meetings") List<Person> attendees,
        @Description("Reminders") List<Reminder> reminders,
        @Description("false when the event does not block time (TRANSP:TRANSPARENT)") boolean busy) {

    static Event of(Occurrence occurrence, CalendarObject object) {
        IcsComponent c = occurrence.component();
        Zones zones = new Zones(object.ics());
        Optional<IcsComponent> master = object.ics().components(c.name()).stream()
                .filter(m -> m.value("UID").equals(c.value("UID")) && m.property("RECURRENCE-ID").isEmpty())
                .findFirst();
        List<String> exceptions = master.stream().flatMap(m -> m.properties("EXDATE").stream())
                .flatMap(p -> Arrays.stream(p.value().split(",")).filter(v -> !v.isBlank())
                        .map(v -> When.of(IcsTime.read(new IcsProperty(p.name(), p.parameters(), v.strip()), zones))
                                .reference()))
                .toList();
        return new Event(object.calendar().id(), c.value("UID").orElse(""), object.etag(),
                c.text("SUMMARY").orElse(""), occurrence.start().map(When::of), occurrence.end().map(When::of),
                occurrence.start().map(IcsTime::allDay).orElse(false), c.text("LOCATION").filter(s -> !s.isBlank()),
                c.text("DESCRIPTION").filter(s -> !s.isBlank()), c.value("STATUS"), categories(c),
                occurrence.recurring() || occurrence.recurrenceId().isPresent(),
                master.flatMap(m -> m.value("RRULE")), exceptions,
                occurrence.recurrenceId().map(id -> When.of(id).reference()),
                c.property("ORGANIZER").map(Person::of), c.properties("ATTENDEE").stream().map(Person::of).toList(),
                c.components("VALARM").stream().map(Reminder::of).toList(),
                !c.value("TRANSP").map("TRANSPARENT"::equalsIgnoreCase).orElse(false));
    }

    static List<String> categories(IcsComponent component) {
        return component.properties("CATEGORIES").stream()
                .flatMap(p -> Arrays.stream(p.value().split("(?<!\\\\),")))
                .map(IcsProperty::unescape).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
