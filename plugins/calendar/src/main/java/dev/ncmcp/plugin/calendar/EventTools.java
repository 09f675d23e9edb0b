package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.EventFields.AttendeeInput;
import dev.ncmcp.plugin.calendar.EventFields.ReminderInput;
import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.plugin.calendar.ics.IcsTime;
import dev.ncmcp.plugin.calendar.ics.Occurrence;
import dev.ncmcp.plugin.calendar.ics.Recurrences;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.plugin.calendar.ics.Zones;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.RecordJson;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/** Events: list, upcoming, search, get, create, update, delete. */
final class EventTools {

    enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    record ListEvents(
            @Description("Start of the range: " + EventFields.DATE_TIME) String from,
            @Description("End of the range (exclusive), same forms as 'from'") String to,
            @Description("Calendars to look in (ids or names); all calendars with events when empty")
            List<String> calendars,
            @Description("IANA zone that dates and local times in 'from'/'to' are read in, and all-day and floating "
                    + "events are placed in") @Default("UTC") String timeZone,
            @Description("At most this many occurrences, earliest first") @Range(min = 1, max = 2000) @Default("200")
            int limit) {
    }

    record Upcoming(
            @Description("How many days ahead to look, from now") @Range(min = 1, max = 366) @Default("7") int days,
            @Description("Calendars to look in (ids or names); all when empty") List<String> calendars,
            @Description("IANA zone all-day and floating events are placed in") @Default("UTC") String timeZone,
            @Description("At most this many occurrences") @Range(min = 1, max = 500) @Default("50") int limit) {
    }

    record SearchEvents(
            @Description("Text to find (case-insensitive) in the summary, description or location")
            @Length(min = 1, max = 200) String text,
            @Description("Start of the range searched; default one year ago. " + EventFields.DATE_TIME)
            Optional<String> from,
            @Description("End of the range searched; default one year ahead") Optional<String> to,
            @Description("Calendars to search (ids or names); all when empty") List<String> calendars,
            @Description("IANA zone for dates and local times in the range") @Default("UTC") String timeZone,
            @Description("At most this many occurrences") @Range(min = 1, max = 500) @Default("50") int limit) {
    }

    record Events(@Description("The occurrences, earliest first; a recurring event appears once per occurrence")
                  List<Event> events,
                  @Description("How many occurrences matched in all (more than listed when 'limit' cut the list)")
                  int total) {
    }

    record GetEvent(@Description("The calendar's id or name") String calendar,
                    @Description("The event's uid") String uid) {
    }

    record CreateEvent(
            @Description("The calendar's id or name") String calendar,
            @Description("Title") @Length(min = 1, max = 1000) String summary,
            @Description("Start: " + EventFields.DATE_TIME) String start,
            @Description("End (exclusive; for all-day events the day after the last day). Default: 'duration' after "
                    + "the start, else one hour (one day)") Optional<String> end,
            @Description("Length instead of 'end', ISO 8601, e.g. PT30M, PT1H30M, P2D") Optional<String> duration,
            @Description("IANA time zone of the event, e.g. Europe/Berlin: local times are read in it and the event "
                    + "keeps it (TZID), so it stays at that wall-clock time across daylight-saving changes")
            Optional<String> timeZone,
            @Description("Location") Optional<String> location,
            @Description("Description") Optional<String> description,
            @Description("Categories (tags)") List<String> categories,
            @Description("tentative, confirmed or cancelled") Optional<Status> status,
            @Description("Reminders") List<ReminderInput> reminders,
            @Description("Recurrence rule (RFC 5545 RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
            Optional<String> recurrence,
            @Description("Starts of occurrences to leave out of the series (EXDATE)") List<String> exceptions,
            @Description("Attendees; with them the event is a meeting and the server may send invitations")
            List<AttendeeInput> attendees,
            @Description("Organizer's e-mail, for meetings") Optional<String> organizerEmail,
            @Description("false: the event does not block time (shown as free)") @Default("true") boolean busy) {
    }

    record UpdateEvent(
            @Description("The calendar's id or name") String calendar,
            @Description("The event's uid") String uid,
            @Description("The etag from the listing: the change is made only if the event has not changed since")
            Optional<String> etag,
            @Description("Change only this occurrence of a recurring event: its 'occurrence' value from the listing "
                    + "(its original start). Without it the whole series changes") Optional<String> occurrence,
            @Description("New title") Optional<String> summary,
            @Description("New start: " + EventFields.DATE_TIME + ". The length is kept unless 'end' or 'duration' "
                    + "is given") Optional<String> start,
            @Description("New end") Optional<String> end,
            @Description("New length instead of 'end', e.g. PT45M") Optional<String> duration,
            @Description("IANA zone: local times given are read in it; alone, it moves the event to this zone "
                    + "at the same instant") Optional<String> timeZone,
            @Description("New location; empty removes it") Optional<String> location,
            @Description("New description; empty removes it") Optional<String> description,
            @Description("New categories (replace the old ones)") Optional<List<String>> categories,
            @Description("tentative, confirmed or cancelled") Optional<Status> status,
            @Description("New reminders (replace the old ones)") Optional<List<ReminderInput>> reminders,
            @Description("New recurrence rule; empty makes it a single event") Optional<String> recurrence,
            @Description("New list of left-out occurrences (replaces the old one)") Optional<List<String>> exceptions,
            @Description("New attendees (replace the old ones)") Optional<List<AttendeeInput>> attendees,
            @Description("true: blocks time; false: shown as free") Optional<Boolean> busy) {
    }

    record DeleteEvent(
            @Description("The calendar's id or name") String calendar,
            @Description("The event's uid") String uid,
            @Description("Delete only this occurrence of a recurring event: its 'occurrence' value from the "
                    + "listing. Without it the whole event (the whole series) is deleted") Optional<String> occurrence,
            @Description("The etag from the listing: delete only if the event has not changed since")
            Optional<String> etag) {
    }

    record Deleted(@Description("The calendar's id") String calendar,
                   @Description("The event's uid") String uid,
                   @Description("series: the whole event was deleted; occurrence: one occurrence was removed")
                   String deleted,
                   @Description("The event's new etag when one occurrence was removed") Optional<String> etag) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_calendar_list_events", ListEvents.class, Events.class).title("List events")
                        .description("""
                                Lists the events in a time range across the user's calendars (or the named ones), \
                                with recurring events expanded into their occurrences, earliest first. Every time \
                                comes in the event's own time zone and in UTC; all-day events come as dates. Each \
                                event has its calendar and uid (and, for occurrences, 'occurrence') to pass to the \
                                other event tools.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.events().size() + " event(s)")
                        .handler(this::listEvents),
                Tool.define("nc_calendar_list_upcoming_events", Upcoming.class, Events.class)
                        .title("Upcoming events")
                        .description("""
                                Lists the user's events from now over the next days (7 by default), recurring ones \
                                expanded, earliest first, with times in each event's zone and in UTC.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.events().size() + " upcoming event(s)")
                        .handler(this::upcoming),
                Tool.define("nc_calendar_search_events", SearchEvents.class, Events.class).title("Search events")
                        .description("""
                                Finds events whose summary, description or location contains a text (ignoring case) \
                                in a range (by default from a year ago to a year ahead), across the user's calendars; \
                                returns the matching occurrences, earliest first.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.events().size() + " event(s) found")
                        .handler(this::search),
                Tool.define("nc_calendar_get_event", GetEvent.class, Event.class).title("Get an event")
                        .description("""
                                Returns one event with all its fields: times in its zone and in UTC, location, \
                                description, status, categories, recurrence rule and exceptions, organizer, \
                                attendees with their answers, reminders, and the etag to change it with.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .handler(this::get),
                Tool.define("nc_calendar_create_event", CreateEvent.class, Event.class).title("Create an event")
                        .description("""
                                Creates an event in a calendar: title, start and end (or duration), all-day (give \
                                dates), time zone (IANA; the event keeps it), location, description, categories, \
                                status, reminders, recurrence rule and exceptions, attendees and organizer. Returns \
                                the stored event with its uid and etag.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::create),
                Tool.define("nc_calendar_update_event", UpdateEvent.class, Event.class).title("Update an event")
                        .description("""
                                Changes an event: only the fields given change, everything else (including \
                                properties other apps wrote) stays. With 'occurrence' only that occurrence of a \
                                recurring event changes; without it the whole series. Pass the 'etag' you read: if \
                                the event changed meanwhile nothing is changed and the error carries the current \
                                event. Returns the changed event (or occurrence).""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::update),
                Tool.define("nc_calendar_delete_event", DeleteEvent.class, Deleted.class).title("Delete an event")
                        .description("""
                                Deletes an event, or with 'occurrence' only one occurrence of a recurring event \
                                (the series then skips it). Deleting a series deletes all its occurrences.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::delete));
    }

    private Events listEvents(ListEvents args, ToolInvocation call) throws ToolException {
        Zone view = TimeArguments.zone("timeZone", args.timeZone());
        Instant from = TimeArguments.instant("from", args.from(), view);
        Instant to = TimeArguments.instant("to", args.to(), view);
        if (!to.isAfter(from)) {
            throw invalidArgument("'to' must be after 'from'.");
        }
        return occurrences(call, args.calendars(), from, to, view, args.limit(), Map.of(), event -> true);
    }

    private Events upcoming(Upcoming args, ToolInvocation call) throws ToolException {
        Zone view = TimeArguments.zone("timeZone", args.timeZone());
        Instant now = Instant.now();
        return occurrences(call, args.calendars(), now, now.plus(Duration.ofDays(args.days())), view, args.limit(),
                Map.of(), event -> true);
    }

    private Events search(SearchEvents args, ToolInvocation call) throws ToolException {
        Zone view = TimeArguments.zone("timeZone", args.timeZone());
        Instant from = args.from().isPresent() ? TimeArguments.instant("from", args.from().get(), view)
                : Instant.now().minus(Duration.ofDays(365));
        Instant to = args.to().isPresent() ? TimeArguments.instant("to", args.to().get(), view)
                : Instant.now().plus(Duration.ofDays(365));
        String needle = args.text().toLowerCase(Locale.ROOT);
        return occurrences(call, args.calendars(), from, to, view, args.limit(), Map.of(), event ->
                event.text("SUMMARY").orElse("").toLowerCase(Locale.ROOT).contains(needle)
                        || event.text("DESCRIPTION").orElse("").toLowerCase(Locale.ROOT).contains(needle)
                        || event.text("LOCATION").orElse("").toLowerCase(Locale.ROOT).contains(needle));
    }

    /** One calendar-query REPORT per calendar for the range, then the series expanded here. */
    static Events occurrences(ToolInvocation call, List<String> calendars, Instant from, Instant to, Zone view,
                              int limit, Map<String, String> textMatches,
                              java.util.function.Predicate<IcsComponent> keep) throws ToolException {
        record Found(Instant start, Event event) {
        }
        CalDav dav = CalDav.of(call);
        List<Found> all = new ArrayList<>();
        for (CalendarInfo calendar : dav.calendars("calendars", calendars, "VEVENT")) {
            for (CalendarObject object : dav.query(calendar, "VEVENT", Optional.of(from), Optional.of(to), textMatches)) {
                for (Occurrence occurrence : Recurrences.between(object.ics(), "VEVENT", from, to, view)) {
                    if (keep.test(occurrence.component())) {
                        all.add(new Found(occurrence.sortKey(view), Event.of(occurrence, object)));
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Found::start));
        return new Events(all.stream().limit(limit).map(Found::event).toList(), all.size());
    }

    private Event get(GetEvent args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarObject object = dav.byUid(dav.calendar("calendar", args.calendar()), "VEVENT", args.uid(), "event");
        return master(object, args.uid());
    }

    static Event master(CalendarObject object, String uid) throws ToolException {
        Zones zones = new Zones(object.ics());
        IcsComponent master = masterOf(object, "VEVENT", uid);
        return Event.of(Recurrences.stored(master, zones), object);
    }

    static IcsComponent masterOf(CalendarObject object, String component, String uid) throws ToolException {
        return object.ics().components(component).stream()
                .filter(c -> c.value("UID").map(uid::equals).orElse(false))
                .min(Comparator.comparing(c -> c.property("RECURRENCE-ID").isPresent()))
                .orElseThrow(() -> notFound("The calendar object holds no " + component + " with uid " + uid + "."));
    }

    private Event create(CreateEvent args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = writable(dav.calendar("calendar", args.calendar()), "VEVENT");
        String uid = UUID.randomUUID().toString();
        IcsComponent ics = newCalendar();
        IcsComponent event = new IcsComponent("VEVENT").add(IcsProperty.of("UID", uid));
        ics.add(event);
        EventFields.stamp(event, false);
        event.add(IcsProperty.of("CREATED", event.value("DTSTAMP").orElseThrow()));
        event.setText("SUMMARY", args.summary());
        Optional<Zone> zone = EventFields.zone(args.timeZone());
        EventFields.times(ics, event, Optional.of(args.start()), args.end(), args.duration(), zone);
        args.location().ifPresent(v -> event.setText("LOCATION", v));
        args.description().ifPresent(v -> event.setText("DESCRIPTION", v));
        EventFields.categories(event, args.categories());
        args.status().ifPresent(s -> event.set(IcsProperty.of("STATUS", s.name())));
        if (args.recurrence().isPresent()) {
            EventFields.recurrence(event, args.recurrence().get());
        }
        if (!args.exceptions().isEmpty()) {
            EventFields.exceptions(ics, event, args.exceptions());
        }
        if (!args.busy()) {
            event.set(IcsProperty.of("TRANSP", "TRANSPARENT"));
        }
        if (!args.attendees().isEmpty() || args.organizerEmail().isPresent()) {
            String organizer = args.organizerEmail().orElseThrow(() -> invalidArgument("'organizerEmail' is needed "
                    + "with 'attendees' (or use nc_calendar_create_meeting, which takes the user's own address)."));
            EventFields.organizer(event, organizer, Optional.empty());
            EventFields.attendees(event, args.attendees());
        }
        EventFields.reminders(event, args.reminders());
        return store(dav, calendar, ics, uid);
    }

    static Event store(CalDav dav, CalendarInfo calendar, IcsComponent ics, String uid) throws ToolException {
        String href = CalDav.newHref(calendar, uid);
        Optional<String> etag = dav.put(href, ics, true, Optional.empty(), "the new event", () -> JsonValue.NULL);
        CalendarObject stored = new CalendarObject(calendar, href, etag, ics);
        return master(stored, uid);
    }

    static IcsComponent newCalendar() {
        return new IcsComponent("VCALENDAR").add(IcsProperty.of("VERSION", "2.0"))
                .add(IcsProperty.of("PRODID", "-//ncmcp//Nextcloud MCP sidecar//EN"))
                .add(IcsProperty.of("CALSCALE", "GREGORIAN"));
    }

    static CalendarInfo writable(CalendarInfo calendar, String component) throws ToolException {
        if (calendar.readOnly()) {
            throw ToolException.permissionDenied("Calendar " + calendar.id() + " is read-only for this user. Choose "
                    + "another one (nc_calendar_list_calendars).");
        }
        if (!calendar.holds(component)) {
            throw invalidArgument("'calendar': " + calendar.id() + " holds only " + String.join(", ",
                    calendar.components()) + ", not " + (component.equals("VTODO") ? "tasks" : "events") + ".");
        }
        return calendar;
    }

    private Event update(UpdateEvent args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = writable(dav.calendar("calendar", args.calendar()), "VEVENT");
        CalendarObject object = dav.byUid(calendar, "VEVENT", args.uid(), "event");
        IcsComponent ics = object.ics();
        IcsComponent master = masterOf(object, "VEVENT", args.uid());
        IcsComponent target = args.occurrence().isPresent()
                ? override(ics, master, args.occurrence().get()) : master;
        boolean series = args.occurrence().isEmpty();
        if (!series && (args.recurrence().isPresent() || args.exceptions().isPresent())) {
            throw invalidArgument("'recurrence' and 'exceptions' belong to the series; leave out 'occurrence'.");
        }
        args.summary().ifPresent(v -> target.setText("SUMMARY", v));
        Optional<Zone> zone = EventFields.zone(args.timeZone());
        if (args.start().isPresent() || args.end().isPresent() || args.duration().isPresent() || zone.isPresent()) {
            EventFields.times(ics, target, args.start(), args.end(), args.duration(), zone);
        }
        args.location().ifPresent(v -> target.setText("LOCATION", v));
        args.description().ifPresent(v -> target.setText("DESCRIPTION", v));
        if (args.categories().isPresent()) {
            EventFields.categories(target, args.categories().get());
        }
        args.status().ifPresent(s -> target.set(IcsProperty.of("STATUS", s.name())));
        if (args.recurrence().isPresent()) {
            EventFields.recurrence(target, args.recurrence().get());
        }
        if (args.exceptions().isPresent()) {
            EventFields.exceptions(ics, target, args.exceptions().get());
        }
        if (args.attendees().isPresent()) {
            EventFields.attendees(target, args.attendees().get());
        }
        args.busy().ifPresent(b -> {
            if (b) {
                target.removeAll("TRANSP");
            } else {
                target.set(IcsProperty.of("TRANSP", "TRANSPARENT"));
            }
        });
        if (args.reminders().isPresent()) {
            EventFields.reminders(target, args.reminders().get());
        }
        EventFields.stamp(target, true);
        Optional<Etag> etag = args.etag().flatMap(Etag::parse).or(() -> object.etag().flatMap(Etag::parse));
        Optional<String> newEtag = dav.put(object.href(), ics, false, etag, "event " + args.uid(),
                () -> current(dav, calendar, args.uid()));
        CalendarObject stored = new CalendarObject(calendar, object.href(), newEtag, ics);
        if (series) {
            return master(stored, args.uid());
        }
        return Event.of(Recurrences.stored(target, new Zones(ics)), stored);
    }

    /** The override of one occurrence: the existing one, or a copy of the master at that occurrence. */
    private static IcsComponent override(IcsComponent ics, IcsComponent master, String occurrence) throws ToolException {
        Zones zones = new Zones(ics);
        IcsTime seriesStart = Recurrences.start(master, zones).orElseThrow(() -> invalidArgument("The event has no "
                + "start, so it has no occurrences."));
        if (!Recurrences.isSeries(master)) {
            throw invalidArgument("'occurrence': event " + master.value("UID").orElse("") + " does not recur; leave "
                    + "'occurrence' out to change it.");
        }
        IcsTime id = EventFields.sameKind(seriesStart, TimeArguments.time("occurrence", occurrence,
                seriesStart.zone().filter(z -> !seriesStart.utc())));
        Zone view = seriesStart.zone().orElse(Zone.UTC);
        Instant at = id.instant(view);
        String uid = master.value("UID").orElse("");
        for (IcsComponent existing : ics.components(master.name())) {
            Optional<IcsProperty> recurrenceId = existing.property("RECURRENCE-ID");
            if (existing.value("UID").map(uid::equals).orElse(false) && recurrenceId.isPresent()
                    && IcsTime.read(recurrenceId.get(), zones).instant(view).equals(at)) {
                return existing;
            }
        }
        boolean exists = Recurrences.between(ics, master.name(), at, at.plusSeconds(1), view).stream()
                .anyMatch(o -> o.recurrenceId().map(r -> r.instant(view).equals(at)).orElse(false));
        if (!exists) {
            throw notFound("'occurrence': the series has no occurrence starting at " + occurrence + ". Use the "
                    + "'occurrence' value of a listed occurrence.");
        }
        IcsComponent copy = master.copy();
        for (String seriesOnly : List.of("RRULE", "RDATE", "EXDATE", "DTSTART", "DTEND", "DURATION")) {
            copy.removeAll(seriesOnly);
        }
        Optional<IcsTime> firstEnd = Recurrences.end(master, Optional.of(seriesStart), zones);
        copy.add(id.property("DTSTART"));
        firstEnd.ifPresent(e -> copy.add((e.allDay() ? IcsTime.ofDate(id.localWall().toLocalDate()
                .plusDays(Recurrences.length(seriesStart, e, view).toDays()))
                : Recurrences.plusExact(id, Recurrences.length(seriesStart, e, view))).property("DTEND")));
        copy.add(id.property("RECURRENCE-ID"));
        ics.add(copy);
        return copy;
    }

    private Deleted delete(DeleteEvent args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = writable(dav.calendar("calendar", args.calendar()), "VEVENT");
        CalendarObject object = dav.byUid(calendar, "VEVENT", args.uid(), "event");
        Optional<Etag> etag = args.etag().flatMap(Etag::parse).or(() -> object.etag().flatMap(Etag::parse));
        if (args.occurrence().isEmpty()) {
            dav.delete(object.href(), args.etag().flatMap(Etag::parse), "event " + args.uid(),
                    () -> current(dav, calendar, args.uid()));
            return new Deleted(calendar.id(), args.uid(), "series", Optional.empty());
        }
        IcsComponent ics = object.ics();
        IcsComponent master = masterOf(object, "VEVENT", args.uid());
        IcsComponent override = override(ics, master, args.occurrence().get());
        IcsProperty recurrenceId = override.property("RECURRENCE-ID").orElseThrow();
        ics.components().remove(override);
        master.add(new IcsProperty("EXDATE", recurrenceId.parameters(), recurrenceId.value()));
        EventFields.stamp(master, true);
        Optional<String> newEtag = dav.put(object.href(), ics, false, etag, "event " + args.uid(),
                () -> current(dav, calendar, args.uid()));
        return new Deleted(calendar.id(), args.uid(), "occurrence", newEtag);
    }

    /** The event as it is now, for a conflict's details. */
    private static JsonValue current(CalDav dav, CalendarInfo calendar, String uid) {
        try {
            return RecordJson.of(master(dav.byUid(calendar, "VEVENT", uid, "event"), uid));
        } catch (ToolException gone) {
            return JsonValue.NULL;
        }
    }
}
