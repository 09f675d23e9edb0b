package dev.ncmcp.plugin.calendar;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's calendars, events and tasks over CalDAV: Nextcloud's, or any CalDAV server's. Tasks have their own
 * scopes, so a user can let an assistant manage a to-do list without opening the calendar.
 */
public final class CalendarPlugin implements NextcloudPlugin {

    public static final Scope CALENDAR_READ = Scope.read("calendar");
    public static final Scope CALENDAR_WRITE = Scope.write("calendar");
    public static final Scope TASKS_READ = Scope.read("tasks");
    public static final Scope TASKS_WRITE = Scope.write("tasks");

    private final List<ToolDefinition> tools = Stream.of(new CalendarTools().tools(), new EventTools().tools(),
            new AvailabilityTools().tools(), new TaskTools().tools()).flatMap(List::stream).toList();

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public String description() {
        return "Nextcloud calendars, events and tasks over CalDAV";
    }

    /** CalDAV is Nextcloud's dav app; its capability is present whenever calendars are. */
    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("dav");
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(CALENDAR_READ, "See your calendars, events and free/busy time"),
                new ScopeDefinition(CALENDAR_WRITE, "Create, change and delete your calendars and events, and send "
                        + "meeting invitations"),
                new ScopeDefinition(TASKS_READ, "See your tasks (to-do lists)"),
                new ScopeDefinition(TASKS_WRITE, "Create, change, complete and delete your tasks"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }
}
