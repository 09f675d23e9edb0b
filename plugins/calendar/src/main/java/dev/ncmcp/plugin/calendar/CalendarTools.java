package dev.ncmcp.plugin.calendar;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.NoArguments;
import dev.ncmcp.spi.tool.RecordJson;
import dev.ncmcp.spi.tool.Tool;
import dev.ncmcp.spi.xml.QName;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.conflict;
import static dev.ncmcp.spi.ToolException.invalidArgument;

/** Calendars themselves: list, create, rename or recolour, delete. */
final class CalendarTools {

    enum Holds { EVENTS, TASKS, BOTH }

    static final String COLOR = "#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?";

    record Calendars(@Description("The user's calendars, including shared and read-only ones")
                     List<CalendarInfo> calendars) {
    }

    record CreateCalendar(
            @Description("Display name") @Length(min = 1, max = 200) String name,
            @Description("Colour as #RRGGBB") @Matches(COLOR) Optional<String> color,
            @Description("Description") Optional<String> description,
            @Description("What it holds: events, tasks or both") @Default("both") Holds holds) {
    }

    record UpdateCalendar(
            @Description("The calendar's id or name") String calendar,
            @Description("New display name") @Length(min = 1, max = 200) Optional<String> name,
            @Description("New colour as #RRGGBB") @Matches(COLOR) Optional<String> color,
            @Description("New description; empty removes it") Optional<String> description) {
    }

    record DeleteCalendar(
            @Description("The calendar's id or name") String calendar,
            @Description("Must be true: deleting a calendar deletes all its events and tasks. Ask the user first")
            boolean confirm) {
    }

    record CalendarDeleted(@Description("The deleted calendar's id") String id,
                           @Description("Its display name") String name) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_calendar_list_calendars", NoArguments.class, Calendars.class).title("List calendars")
                        .description("""
                                Lists the user's calendars: id (to pass as 'calendar' to the other tools), name, \
                                colour, description, what each holds (VEVENT events, VTODO tasks), and whether it is \
                                read-only or shared by someone else.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(CalendarPlugin.CALENDAR_READ)
                        .summary(found -> found.calendars().size() + " calendar(s)")
                        .handler((args, call) -> new Calendars(CalDav.of(call).calendars())),
                Tool.define("nc_calendar_create_calendar", CreateCalendar.class, CalendarInfo.class)
                        .title("Create a calendar")
                        .description("""
                                Creates a calendar for events, tasks or both, with a name, colour and description. \
                                Returns the new calendar with its id.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::create),
                Tool.define("nc_calendar_update_calendar", UpdateCalendar.class, CalendarInfo.class)
                        .title("Rename or recolour a calendar")
                        .description("""
                                Changes a calendar's display name, colour or description. Returns the calendar as it \
                                is now.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::update),
                Tool.define("nc_calendar_delete_calendar", DeleteCalendar.class, CalendarDeleted.class)
                        .title("Delete a calendar")
                        .description("""
                                Deletes a whole calendar with all its events and tasks. Destructive: ask the user to \
                                confirm first and pass confirm=true. (Nextcloud keeps a deleted calendar in its trash \
                                bin for a while.)""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(CalendarPlugin.CALENDAR_WRITE)
                        .handler(this::delete));
    }

    private CalendarInfo create(CreateCalendar args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        List<CalendarInfo> existing = dav.calendars();
        String id = freeId(slug(args.name()), existing.stream().map(CalendarInfo::id).toList());
        String href = DavPaths.child(dav.home(), List.of(id)) + "/";
        Map<QName, String> properties = new LinkedHashMap<>();
        properties.put(QName.dav("displayname"), args.name());
        args.color().ifPresent(c -> properties.put(CalendarInfo.COLOR, c));
        args.description().filter(d -> !d.isBlank()).ifPresent(d -> properties.put(CalendarInfo.DESCRIPTION, d));
        List<String> components = switch (args.holds()) {
            case EVENTS -> List.of("VEVENT");
            case TASKS -> List.of("VTODO");
            case BOTH -> List.of("VEVENT", "VTODO");
        };
        Answer.of(dav.client().send(Dav.mkcalendar(href, properties, components))).about("calendar " + id)
                .on(405, refusal -> conflict("A calendar with id " + id + " already exists.", null))
                .expect(201);
        return find(dav, id);
    }

    private CalendarInfo update(UpdateCalendar args, ToolInvocation call) throws ToolException {
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = dav.calendar("calendar", args.calendar());
        Map<QName, String> set = new LinkedHashMap<>();
        List<QName> remove = new ArrayList<>();
        args.name().ifPresent(n -> set.put(QName.dav("displayname"), n));
        args.color().ifPresent(c -> set.put(CalendarInfo.COLOR, c));
        args.description().ifPresent(d -> {
            if (d.isBlank()) {
                remove.add(CalendarInfo.DESCRIPTION);
            } else {
                set.put(CalendarInfo.DESCRIPTION, d);
            }
        });
        if (set.isEmpty() && remove.isEmpty()) {
            throw invalidArgument("Give at least one of 'name', 'color' and 'description' to change.");
        }
        Answer.of(dav.client().send(Dav.proppatch(calendar.href(), set, remove))).about("calendar " + calendar.id())
                .expect(207, 200, 204);
        return find(dav, calendar.id());
    }

    private CalendarDeleted delete(DeleteCalendar args, ToolInvocation call) throws ToolException {
        if (!args.confirm()) {
            throw invalidArgument("'confirm' must be true: deleting a calendar deletes every event and task in it. "
                    + "Ask the user, then call again with confirm=true.");
        }
        CalDav dav = CalDav.of(call);
        CalendarInfo calendar = dav.calendar("calendar", args.calendar());
        Answer.of(dav.client().send(dev.ncmcp.spi.nextcloud.NextcloudRequest.delete(calendar.href()).build()))
                .about("calendar " + calendar.id())
                .current(() -> RecordJson.of(calendar))
                .expect(200, 204);
        return new CalendarDeleted(calendar.id(), calendar.name());
    }

    private static CalendarInfo find(CalDav dav, String id) throws ToolException {
        return dav.calendars().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> ToolException.upstream("The server accepted calendar " + id
                        + " but does not list it."));
    }

    /** An id from a name: lower-case letters, digits and dashes, as Nextcloud's calendar app makes them. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "calendar" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    static String freeId(String base, List<String> taken) {
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
