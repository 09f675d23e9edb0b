package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Zones;
import dev.ncmcp.spi.tool.Description;

import java.util.List;
import java.util.Optional;

/** A task (VTODO) with all its fields. */
record Task(
        @Description("The calendar's id") String calendar,
        @Description("The task's uid; with 'calendar' it names the task to the other tools") String uid,
        @Description("Version tag; pass it as 'etag' when changing the task") Optional<String> etag,
        @Description("Title") String summary,
        @Description("Description") Optional<String> description,
        @Description("NEEDS-ACTION, IN-PROCESS, COMPLETED or CANCELLED") String status,
        @Description("true when done (STATUS:COMPLETED or 100 percent)") boolean completed,
        @Description("When it was completed") Optional<When> completedAt,
        @Description("Percent complete, 0-100") Optional<Integer> percentComplete,
        @Description("Priority 1 (highest) to 9 (lowest); absent or 0 when undefined") Optional<Integer> priority,
        @Description("Due date or time, in the task's zone and UTC") Optional<When> due,
        @Description("Start date or time") Optional<When> start,
        @Description("Categories (tags)") List<String> categories,
        @Description("The uid of the parent task, for a subtask (RELATED-TO)") Optional<String> parentUid,
        @Description("Recurrence rule, for a repeating task") Optional<String> recurrence,
        @Description("Reminders") List<Reminder> reminders) {

    static Task of(IcsComponent todo, CalendarObject object) {
        Zones zones = new Zones(object.ics());
        String status = todo.value("STATUS").orElse("NEEDS-ACTION").toUpperCase(java.util.Locale.ROOT);
        Optional<Integer> percent = number(todo.value("PERCENT-COMPLETE"));
        Optional<String> parent = todo.properties("RELATED-TO").stream()
                .filter(p -> p.parameter("RELTYPE").map("PARENT"::equalsIgnoreCase).orElse(true))
                .map(p -> p.value().strip()).filter(v -> !v.isEmpty()).findFirst();
        return new Task(object.calendar().id(), todo.value("UID").orElse(""), object.etag(),
                todo.text("SUMMARY").orElse(""), todo.text("DESCRIPTION").filter(s -> !s.isBlank()), status,
                status.equals("COMPLETED") || percent.orElse(0) >= 100,
                todo.property("COMPLETED").map(p -> When.of(IcsTime.read(p, zones))), percent,
                number(todo.value("PRIORITY")).filter(p -> p > 0),
                todo.property("DUE").map(p -> When.of(IcsTime.read(p, zones))),
                todo.property("DTSTART").map(p -> When.of(IcsTime.read(p, zones))),
                Event.categories(todo), parent, todo.value("RRULE"),
                todo.components("VALARM").stream().map(Reminder::of).toList());
    }

    private static Optional<Integer> number(Optional<String> text) {
        try {
            return text.map(String::strip).filter(t -> !t.isEmpty()).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
