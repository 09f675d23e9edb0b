package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.EventFields.AttendeeInput;
import dev.ncmcp.plugin.calendar.EventFields.ReminderInput;
import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.plugin.calendar.ics.Occurrence;
import dev.ncmcp.plugin.calendar.ics.Recurrences;
import dev.ncmcp.plugin.calendar.ics.Zone;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlElement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.ncmcp.spi.ToolException.invalidArgument;

/** When the user is busy or free, and meetings with invitations. */
final class AvailabilityTools {

    static final String CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private static final QName ADDRESSES = QName.caldav("calendar-user-address-set");

    record FreeBusyQuery(
            @Description("Start of the range: " + EventFields.DATE_TIME) String from,
            @Description("End of the range (exclusive)") String to,
            @Description("Calendars to consider (ids or names); all calendars with events when empty")
            List<String> calendars,
            @Description("IANA zone the times are shown in (and dates in 'from'/'to' read in)") @Default("UTC")
            String timeZone,
            @Description("Whether all-day events (leave, travel…) count as busy") @Default("true")
            boolean includeAllDay) {
    }

    record Period(@Description("Start, ISO 8601 in 'timeZone'") String start,
                  @Description("End, ISO 8601 in 'timeZone'") String end,
                  @Description("Start in UTC") String startUtc,
                  @Description("End in UTC") String endUtc,
                  @Description("Length in minutes") long minutes) {

        static Period of(Instant start, Instant end, Zone zone) {
            DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            return new Period(iso.format(zone.at(start)), iso.format(zone.at(end)), start.toString(), end.toString(),
                    Duration.between(start, end).toMinutes());
        }
    }

    record FreeBusy(@Description("The range looked at, start (UTC)") String from,
                    @Description("The range looked at, end (UTC)") String to,
                    @Description("Busy periods, merged where they overlap, earliest first") List<Period> busy) {
    }

    record FindSlots(
            @Description("Length of the meeting in minutes") @Range(min = 5, max = 1440) int durationMinutes,
            @Description("Earliest start; default now. " + EventFields.DATE_TIME) Optional<String> from,
            @Description("Latest end; default seven days after 'from'") Optional<String> to,
            @Description("IANA zone of the working hours, e.g. Europe/Berlin") @Default("UTC") String timeZone,
            @Description("Start of the working day, HH:MM in 'timeZone'") @Matches(CLOCK) @Default("09:00")
            String dayStart,
            @Description("End of the working day, HH:MM in 'timeZone'") @Matches(CLOCK) @Default("17:00")
            String dayEnd,
            @Description("Working days, e.g. [\"monday\", \"tuesday\"]; Monday to Friday when empty")
            List<DayOfWeek> days,
            @Description("Calendars whose events count as busy; all when empty") List<String> calendars,
            @Description("At most this many slots") @Range(min = 1, max = 50) @Default("5") int limit) {
    }

    record Slots(@Description("Free windows within working hours at least 'durationMinutes' long, earliest first; "
            + "any part of one of that length is free") List<Period> slots,
                 @Description("The range searched, start (UTC)") String from,
                 @Description("The range searched, end (UTC)") String to) {
    }

    record CreateMeeting(
            @Description("The calendar's id or name; the first writable calendar with events when omitted")
            Optional<String> calendar,
            @Description("Title") @Length(min = 1, max = 1000) String summary,
            @Description("Start: " + EventFields.DATE_TIME) String start,
            @Description("Length in minutes") @Range(min = 1, max = 1440) @Default("60") int durationMinutes,
            @Description("IANA time zone of the meeting, e.g. Europe/Berlin") Optional<String> timeZone,
            @Description("Who to invite") @Length(min = 1, max = 200) List<AttendeeInput> attendees,
            @Description("Location or meeting link") Optional<String> location,
            @Description("Agenda") Optional<String> description,
            @Description("Reminders") List<ReminderInput> reminders,
            @Description("The organizer's e-mail; default the user's own address as the server names it")
            Optional<String> organizerEmail) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_calendar_get_free_busy", FreeBusyQuery.class, FreeBusy.class).title("Free/busy time")
                        .description("""
                                Returns when the user is busy in a range, from the events of their calendars \
                                (recurring ones expanded; events marked free and cancelled ones do not count), as \
                                merged periods in the given zone and in UTC.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.busy().size() + " busy period(s)")
                        .handler(this::freeBusy),
                Tool.define("nc_calendar_find_free_slots", FindSlots.class, Slots.class).title("Find free slots")
                        .description("""
                                Finds the first free windows of at least a given length within working hours \
                                (09:00-17:00, Monday to Friday, in the given zone, by default) over the coming days, \
                                from the user's calendars. Each slot is a whole free window; any part of it of the \
                                requested length is free.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.slots().size() + " free slot(s)")
                        .handler(this::findSlots),
                Tool.define("nc_calendar_create_meeting", CreateMeeting.class, Event.class).title("Create a meeting")
                        .description("""
                                Creates a meeting with attendees, organized by the user: the event gets an ORGANIZER \
                                (the user's own address) and ATTENDEEs asked to reply, so a server that schedules \
                                (Nextcloud) sends them invitations. Returns the stored event.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::createMeeting));
    }

    private FreeBusy freeBusy(FreeBusyQuery args, ToolInvocation call) throws ToolException {
        Zone zone = TimeArguments.zone("timeZone", args.timeZone());
        Instant from = TimeArguments.instant("from", args.from(), zone);
        Instant to = TimeArguments.instant("to", args.to(), zone);
        if (!to.isAfter(from)) {
            throw invalidArgument("'to' must be after 'from'.");
        }
        List<Instant[]> busy = busy(call, args.calendars(), from, to, zone, args.includeAllDay());
        return new FreeBusy(from.toString(), to.toString(), busy.stream().map(b -> Period.of(b[0], b[1], zone)).toList());
    }

    /** The merged busy intervals of the user's events, clipped to the range. */
    static List<Instant[]> busy(ToolInvocation call, List<String> calendars, Instant from, Instant to, Zone zone,
                                boolean includeAllDay) throws ToolException {
        CalDav dav = CalDav.of(call);
        List<Instant[]> intervals = new ArrayList<>();
        for (CalendarInfo calendar : dav.calendars("calendars", calendars, "VEVENT")) {
            for (CalendarObject object : dav.query(calendar, "VEVENT", Optional.of(from), Optional.of(to),
                    java.util.Map.of())) {
                for (Occurrence o : Recurrences.between(object.ics(), "VEVENT", from, to, zone)) {
                    IcsComponent event = o.component();
                    boolean free = event.value("TRANSP").map("TRANSPARENT"::equalsIgnoreCase).orElse(false)
                            || event.value("STATUS").map("CANCELLED"::equalsIgnoreCase).orElse(false);
                    boolean allDay = o.start().map(s -> s.allDay()).orElse(false);
                    if (free || o.start().isEmpty() || (allDay && !includeAllDay)) {
                        continue;
                    }
                    Instant start = o.start().get().instant(zone);
                    Instant end = o.end().map(e -> e.instant(zone)).orElse(start);
                    if (end.isAfter(start)) {
                        intervals.add(new Instant[] {max(start, from), min(end, to)});
                    }
                }
            }
        }
        intervals.sort(Comparator.comparing(i -> i[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] interval : intervals) {
            if (!merged.isEmpty() && !interval[0].isAfter(merged.getLast()[1])) {
                merged.getLast()[1] = max(merged.getLast()[1], interval[1]);
            } else {
                merged.add(interval.clone());
            }
        }
        return merged;
    }

    private Slots findSlots(FindSlots args, ToolInvocation call) throws ToolException {
        Zone zone = TimeArguments.zone("timeZone", args.timeZone());
        Instant now = Instant.now();
        Instant from = args.from().isPresent() ? TimeArguments.instant("from", args.from().get(), zone) : now;
        Instant to = args.to().isPresent() ? TimeArguments.instant("to", args.to().get(), zone)
                : from.plus(Duration.ofDays(7));
        LocalTime dayStart = LocalTime.parse(args.dayStart());
        LocalTime dayEnd = LocalTime.parse(args.dayEnd());
        if (!to.isAfter(from)) {
            throw invalidArgument("'to' must be after 'from'.");
        }
        if (!dayEnd.isAfter(dayStart)) {
            throw invalidArgument("'dayEnd' must be after 'dayStart'.");
        }
        if (Duration.between(from, to).toDays() > 92) {
            throw invalidArgument("Search at most 92 days at once; narrow 'from' and 'to'.");
        }
        List<DayOfWeek> days = args.days().isEmpty() ? List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY) : args.days();
        List<Instant[]> busy = busy(call, args.calendars(), from, to, zone, true);
        Duration length = Duration.ofMinutes(args.durationMinutes());
        List<Period> slots = new ArrayList<>();
        for (LocalDate day = zone.wall(from).toLocalDate(); !zone.instant(day.atStartOfDay()).isAfter(to)
                && slots.size() < args.limit(); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant windowStart = max(from, zone.instant(day.atTime(dayStart)));
            Instant windowEnd = min(to, zone.instant(day.atTime(dayEnd)));
            Instant cursor = windowStart;
            for (Instant[] b : busy) {
                if (!b[1].isAfter(cursor) || !b[0].isBefore(windowEnd)) {
                    continue;
                }
                addSlot(slots, cursor, min(b[0], windowEnd), length, zone, args.limit());
                cursor = max(cursor, b[1]);
            }
            addSlot(slots, cursor, windowEnd, length, zone, args.limit());
        }
        return new Slots(slots, from.toString(), to.toString());
    }

    private static void addSlot(List<Period> slots, Instant start, Instant end, Duration length, Zone zone, int limit) {
        if (slots.size() < limit && !Duration.between(start, end).minus(length).isNegative()) {
            slots.add(Period.of(start, end, zone));
        }
    }

    private Event createMeeting(CreateMeeting args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = args.calendar().isPresent()
                ? EventTools.writable(dav.calendar("calendar", args.calendar().get()), "VEVENT")
                : dav.calendars().stream().filter(c -> !c.readOnly() && c.holds("VEVENT")).findFirst()
                .orElseThrow(() -> invalidArgument("The user has no calendar they may add events to; name one as "
                        + "'calendar'."));
        String organizer = args.organizerEmail().filter(e -> !e.isBlank()).or(() -> ownAddress(dav))
                .orElseThrow(() -> invalidArgument("The server names no e-mail address for the user; give "
                        + "'organizerEmail'."));
        String uid = UUID.randomUUID().toString();
        IcsComponent ics = EventTools.newCalendar();
        IcsComponent event = new IcsComponent("VEVENT").add(IcsProperty.of("UID", uid));
        ics.add(event);
        EventFields.stamp(event, false);
        event.setText("SUMMARY", args.summary());
        EventFields.times(ics, event, Optional.of(args.start()), Optional.empty(),
                Optional.of("PT" + args.durationMinutes() + "M"), EventFields.zone(args.timeZone()));
        args.location().ifPresent(v -> event.setText("LOCATION", v));
        args.description().ifPresent(v -> event.setText("DESCRIPTION", v));
        event.set(IcsProperty.of("STATUS", "CONFIRMED"));
        EventFields.organizer(event, organizer, Optional.empty());
        EventFields.attendees(event, args.attendees());
        EventFields.reminders(event, args.reminders());
        return EventTools.store(dav, calendar, ics, uid);
    }

    /** The user's own mailto: address from the principal's calendar-user-address-set (RFC 6638 §2.4.1). */
    private static Optional<String> ownAddress(CalDav dav) {
        try {
            NextcloudResponse response = dav.client().send(Dav.propfind(dav.client().principal(), 0, List.of(ADDRESSES)));
            if (response.status() != 207) {
                return Optional.empty();
            }
            return Multistatus.read(response).stream().flatMap(e -> e.element(ADDRESSES).stream())
                    .flatMap(set -> set.children(QName.dav("href")).stream()).map(XmlElement::text)
                    .filter(href -> href.toLowerCase(Locale.ROOT).startsWith("mailto:"))
                    .map(href -> href.substring(7)).findFirst();
        } catch (ToolException e) {
            return Optional.empty();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
