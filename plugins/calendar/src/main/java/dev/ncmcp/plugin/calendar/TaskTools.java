package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.VTimeZones;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Name;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.RecordJson;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;


/** Tasks (VTODO): list, search, create, update, complete, reopen, delete. */
final class TaskTools {

    enum TaskStatus {
        @Name("needs-action") NEEDS_ACTION, @Name("in-process") IN_PROCESS, COMPLETED, CANCELLED;

        String ics() {
            return name().replace('_', '-');
        }
    }

    record ListTasks(
            @Description("Calendars to look in (ids or names); all calendars with tasks when empty") List<String> calendars,
            @Description("Only tasks with this status") Optional<TaskStatus> status,
            @Description("Also list completed tasks") @Default("false") boolean includeCompleted,
            @Description("Only tasks due at or after this: " + EventFields.DATE_TIME) Optional<String> dueFrom,
            @Description("Only tasks due before this") Optional<String> dueTo,
            @Description("Only tasks at least this urgent: priority 1 (highest) to 9") @Range(min = 1, max = 9)
            Optional<Integer> priority,
            @Description("Only tasks with this category (ignoring case)") Optional<String> category,
            @Description("IANA zone dates in 'dueFrom'/'dueTo' are read in") @Default("UTC") String timeZone,
            @Description("At most this many tasks") @Range(min = 1, max = 1000) @Default("100") int limit) {
    }

    record SearchTasks(
            @Description("Text to find (ignoring case) in the summary or description") @Length(min = 1, max = 200)
            String text,
            @Description("Calendars to search; all when empty") List<String> calendars,
            @Description("Also find completed tasks") @Default("true") boolean includeCompleted,
            @Description("At most this many tasks") @Range(min = 1, max = 500) @Default("50") int limit) {
    }

    record Tasks(@Description("The tasks: open ones first by due date, then by priority") List<Task> tasks,
                 @Description("How many matched in all") int total) {
    }

    record CreateTask(
            @Description("The calendar's id or name (one that holds tasks)") String calendar,
            @Description("Title") @Length(min = 1, max = 1000) String summary,
            @Description("Description") Optional<String> description,
            @Description("Due: " + EventFields.DATE_TIME) Optional<String> due,
            @Description("Start: same forms as 'due'") Optional<String> start,
            @Description("IANA zone for local times in 'due' and 'start'; the task keeps it") Optional<String> timeZone,
            @Description("Priority 1 (highest) to 9 (lowest)") @Range(min = 1, max = 9) Optional<Integer> priority,
            @Description("Categories (tags)") List<String> categories,
            @Description("The uid of the parent task, to make this a subtask") Optional<String> parentUid) {
    }

    record UpdateTask(
            @Description("The calendar's id or name") String calendar,
            @Description("The task's uid") String uid,
            @Description("The etag from the listing: change only if the task has not changed since") Optional<String> etag,
            @Description("New title") Optional<String> summary,
            @Description("New description; empty removes it") Optional<String> description,
            @Description("New due date or time; empty removes it") Optional<String> due,
            @Description("New start; empty removes it") Optional<String> start,
            @Description("IANA zone for local times in 'due' and 'start'") Optional<String> timeZone,
            @Description("New priority 1-9; 0 removes it") @Range(min = 0, max = 9) Optional<Integer> priority,
            @Description("New categories (replace the old ones)") Optional<List<String>> categories,
            @Description("New status; completed sets the completion time and 100 percent as well")
            Optional<TaskStatus> status,
            @Description("Percent complete") @Range(min = 0, max = 100) Optional<Integer> percentComplete,
            @Description("New parent task's uid; empty makes it a top-level task") Optional<String> parentUid) {
    }

    record TaskRef(@Description("The calendar's id or name") String calendar,
                   @Description("The task's uid") String uid,
                   @Description("The etag from the listing: act only if the task has not changed since")
                   Optional<String> etag) {
    }

    record TaskDeleted(@Description("The calendar's id") String calendar,
                       @Description("The deleted task's uid") String uid) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_calendar_list_tasks", ListTasks.class, Tasks.class).title("List tasks")
                        .description("""
                                Lists the user's tasks (to-dos) across their task calendars or the named ones, \
                                filtered by status, due range, priority and category; completed tasks are left out \
                                unless includeCompleted is true. Returns each task with status, due date (in its zone \
                                and UTC), priority, categories, parent task and etag.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.TASKS_READ)
                        .summary(found -> found.tasks().size() + " task(s)")
                        .handler(this::list),
                Tool.define("nc_calendar_search_tasks", SearchTasks.class, Tasks.class).title("Search tasks")
                        .description("""
                                Finds tasks whose summary or description contains a text (ignoring case), across the \
                                user's task calendars.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.TASKS_READ)
                        .summary(found -> found.tasks().size() + " task(s) found")
                        .handler(this::search),
                Tool.define("nc_calendar_create_task", CreateTask.class, Task.class).title("Create a task")
                        .description("""
                                Creates a task with a title and optionally a description, due date (date, or time in \
                                a zone the task keeps), start, priority, categories and a parent task (subtask). \
                                Returns the stored task with its uid and etag.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(CalendarPlugin.TASKS_WRITE)
                        .handler(this::create),
                Tool.define("nc_calendar_update_task", UpdateTask.class, Task.class).title("Update a task")
                        .description("""
                                Changes a task: only the fields given change; others, including what other apps \
                                wrote, stay. Pass the etag you read: if the task changed meanwhile nothing is changed \
                                and the error carries the current task.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(CalendarPlugin.TASKS_WRITE)
                        .handler(this::update),
                Tool.define("nc_calendar_complete_task", TaskRef.class, Task.class).title("Complete a task")
                        .description("""
                                Marks a task done: STATUS:COMPLETED, COMPLETED set to now and PERCENT-COMPLETE 100, \
                                together, so every client agrees it is done. Returns the task.""")
                        .annotations(new ToolAnnotations(false, true, false, false))
                        .requires(CalendarPlugin.TASKS_WRITE)
                        .handler((args, call) -> complete(args, call, true)),
                Tool.define("nc_calendar_reopen_task", TaskRef.class, Task.class).title("Reopen a task")
                        .description("""
                                Marks a completed task open again: STATUS:NEEDS-ACTION, no completion time, 0 percent. \
                                Returns the task.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(CalendarPlugin.TASKS_WRITE)
                        .handler((args, call) -> complete(args, call, false)),
                Tool.define("nc_calendar_delete_task", TaskRef.class, TaskDeleted.class).title("Delete a task")
                        .description("""
                                Deletes a task from its calendar; its subtasks stay (they lose their parent). Pass the \
                                etag you read to delete only the version you saw.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(CalendarPlugin.TASKS_WRITE)
                        .handler(this::delete));
    }

    private Tasks list(ListTasks args, ToolInvocation call) throws ToolException {
        Zone zone = TimeArguments.zone("timeZone", args.timeZone());
        Optional<Instant> dueFrom = args.dueFrom().isPresent()
                ? Optional.of(TimeArguments.instant("dueFrom", args.dueFrom().get(), zone)) : Optional.empty();
        Optional<Instant> dueTo = args.dueTo().isPresent()
                ? Optional.of(TimeArguments.instant("dueTo", args.dueTo().get(), zone)) : Optional.empty();
        Predicate<Task> keep = task -> (args.includeCompleted() || args.status().isPresent() || !task.completed())
                && args.status().map(s -> s.ics().equals(task.status())).orElse(true)
                && args.priority().map(p -> task.priority().map(tp -> tp <= p).orElse(false)).orElse(true)
                && args.category().map(c -> task.categories().stream().anyMatch(c::equalsIgnoreCase)).orElse(true)
                && (dueFrom.isEmpty() && dueTo.isEmpty() || task.due().map(d -> inRange(d, zone, dueFrom, dueTo))
                .orElse(false));
        return tasks(call, args.calendars(), keep, args.limit());
    }

    private static boolean inRange(When due, Zone zone, Optional<Instant> from, Optional<Instant> to) {
        Instant at = due.utc().map(Instant::parse).orElseGet(() -> due.date()
                .map(d -> zone.instant(java.time.LocalDate.parse(d).atStartOfDay()))
                .orElseGet(() -> zone.instant(java.time.LocalDateTime.parse(due.dateTime().orElseThrow()))));
        return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(at::isBefore).orElse(true);
    }

    private Tasks search(SearchTasks args, ToolInvocation call) throws ToolException {
        String needle = args.text().toLowerCase(Locale.ROOT);
        return tasks(call, args.calendars(), task -> (args.includeCompleted() || !task.completed())
                && (task.summary().toLowerCase(Locale.ROOT).contains(needle)
                || task.description().orElse("").toLowerCase(Locale.ROOT).contains(needle)), args.limit());
    }

    private static Tasks tasks(ToolInvocation call, List<String> calendars, Predicate<Task> keep, int limit)
            throws ToolException {
        CalDav dav = CalDav.of(call);
        List<Task> found = new ArrayList<>();
        for (CalendarInfo calendar : dav.calendars("calendars", calendars, "VTODO")) {
            for (CalendarObject object : dav.query(calendar, "VTODO", Optional.empty(), Optional.empty(), Map.of())) {
                object.ics().components("VTODO").stream().filter(t -> t.property("RECURRENCE-ID").isEmpty())
                        .map(t -> Task.of(t, object)).filter(keep).forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(Task::completed)
                .thenComparing(t -> t.due().flatMap(d -> d.utc().or(d::date)).orElse("~"))
                .thenComparing(t -> t.priority().orElse(10)));
        return new Tasks(found.stream().limit(limit).toList(), found.size());
    }

    private Task create(CreateTask args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = EventTools.writable(dav.calendar("calendar", args.calendar()), "VTODO");
        String uid = UUID.randomUUID().toString();
        IcsComponent ics = EventTools.newCalendar();
        IcsComponent todo = new IcsComponent("VTODO").add(IcsProperty.of("UID", uid));
        ics.add(todo);
        EventFields.stamp(todo, false);
        todo.add(IcsProperty.of("CREATED", todo.value("DTSTAMP").orElseThrow()));
        todo.setText("SUMMARY", args.summary());
        todo.set(IcsProperty.of("STATUS", "NEEDS-ACTION"));
        args.description().ifPresent(d -> todo.setText("DESCRIPTION", d));
        Optional<Zone> zone = EventFields.zone(args.timeZone());
        if (args.due().isPresent()) {
            time(ics, todo, "DUE", "due", args.due().get(), zone);
        }
        if (args.start().isPresent()) {
            time(ics, todo, "DTSTART", "start", args.start().get(), zone);
        }
        args.priority().ifPresent(p -> todo.set(IcsProperty.of("PRIORITY", Integer.toString(p))));
        EventFields.categories(todo, args.categories());
        if (args.parentUid().filter(p -> !p.isBlank()).isPresent()) {
            todo.set(IcsProperty.of("RELATED-TO", args.parentUid().get().strip()).withParameter("RELTYPE", "PARENT"));
        }
        String href = CalDav.newHref(calendar, uid);
        Optional<String> etag = dav.put(href, ics, true, Optional.empty(), "the new task", () -> JsonValue.NULL);
        return Task.of(todo, new CalendarObject(calendar, href, etag, ics));
    }

    private static void time(IcsComponent ics, IcsComponent todo, String property, String argument, String value,
                             Optional<Zone> zone) throws ToolException {
        if (value.isBlank()) {
            todo.removeAll(property);
            return;
        }
        IcsTime time = TimeArguments.time(argument, value, zone);
        todo.set(time.property(property));
        VTimeZones.ensure(ics, time);
    }

    private Task update(UpdateTask args, ToolInvocation call) throws ToolException {
        return change(call, args.calendar(), args.uid(), args.etag(), (ics, todo) -> {
            args.summary().ifPresent(v -> todo.setText("SUMMARY", v));
            args.description().ifPresent(v -> todo.setText("DESCRIPTION", v));
            Optional<Zone> zone = EventFields.zone(args.timeZone());
            if (args.due().isPresent()) {
                time(ics, todo, "DUE", "due", args.due().get(), zone);
            }
            if (args.start().isPresent()) {
                time(ics, todo, "DTSTART", "start", args.start().get(), zone);
            }
            args.priority().ifPresent(p -> {
                if (p == 0) {
                    todo.removeAll("PRIORITY");
                } else {
                    todo.set(IcsProperty.of("PRIORITY", Integer.toString(p)));
                }
            });
            if (args.categories().isPresent()) {
                EventFields.categories(todo, args.categories().get());
            }
            if (args.status().isPresent()) {
                status(todo, args.status().get());
            }
            args.percentComplete().ifPresent(p -> todo.set(IcsProperty.of("PERCENT-COMPLETE", Integer.toString(p))));
            args.parentUid().ifPresent(parent -> {
                todo.properties().removeIf(p -> p.is("RELATED-TO")
                        && p.parameter("RELTYPE").map("PARENT"::equalsIgnoreCase).orElse(true));
                if (!parent.isBlank()) {
                    todo.add(IcsProperty.of("RELATED-TO", parent.strip()).withParameter("RELTYPE", "PARENT"));
                }
            });
        });
    }

    /** Sets the status and what goes with it, so that every client agrees whether the task is done. */
    private static void status(IcsComponent todo, TaskStatus status) {
        todo.set(IcsProperty.of("STATUS", status.ics()));
        if (status == TaskStatus.COMPLETED) {
            todo.set(IcsProperty.of("COMPLETED", IcsTime.ofUtc(Instant.now().truncatedTo(ChronoUnit.SECONDS)).value()));
            todo.set(IcsProperty.of("PERCENT-COMPLETE", "100"));
        } else {
            todo.removeAll("COMPLETED");
            if (status == TaskStatus.NEEDS_ACTION) {
                todo.set(IcsProperty.of("PERCENT-COMPLETE", "0"));
            }
        }
    }

    private Task complete(TaskRef args, ToolInvocation call, boolean done) throws ToolException {
        return change(call, args.calendar(), args.uid(), args.etag(),
                (ics, todo) -> status(todo, done ? TaskStatus.COMPLETED : TaskStatus.NEEDS_ACTION));
    }

    @FunctionalInterface
    private interface Change {
        void apply(IcsComponent ics, IcsComponent todo) throws ToolException;
    }

    private Task change(ToolInvocation call, String calendarName, String uid, Optional<String> etag, Change change)
            throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = EventTools.writable(dav.calendar("calendar", calendarName), "VTODO");
        CalendarObject object = dav.byUid(calendar, "VTODO", uid, "task");
        IcsComponent todo = EventTools.masterOf(object, "VTODO", uid);
        change.apply(object.ics(), todo);
        EventFields.stamp(todo, true);
        Optional<Etag> ifMatch = etag.flatMap(Etag::parse).or(() -> object.etag().flatMap(Etag::parse));
        Optional<String> newEtag = dav.put(object.href(), object.ics(), false, ifMatch, "task " + uid,
                () -> current(dav, calendar, uid));
        return Task.of(todo, new CalendarObject(calendar, object.href(), newEtag, object.ics()));
    }

    private TaskDeleted delete(TaskRef args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = EventTools.writable(dav.calendar("calendar", args.calendar()), "VTODO");
        CalendarObject object = dav.byUid(calendar, "VTODO", args.uid(), "task");
        dav.delete(object.href(), args.etag().flatMap(Etag::parse), "task " + args.uid(),
                () -> current(dav, calendar, args.uid()));
        return new TaskDeleted(calendar.id(), args.uid());
    }

    private static JsonValue current(CalDav dav, CalendarInfo calendar, String uid) {
        try {
            CalendarObject object = dav.byUid(calendar, "VTODO", uid, "task");
            return RecordJson.of(Task.of(EventTools.masterOf(object, "VTODO", uid), object));
        } catch (ToolException gone) {
            return JsonValue.NULL;
        }
    }
}
