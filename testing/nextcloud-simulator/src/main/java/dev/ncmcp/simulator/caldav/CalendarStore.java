package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.dav.DavCollection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Every user's calendars, by id; one lock per user. Each user starts with Nextcloud's "Personal" calendar. */
final class CalendarStore {

    private final Map<String, Map<String, DavCollection>> byUser = new ConcurrentHashMap<>();

    <T> T with(String user, Function<Map<String, DavCollection>, T> work) {
        Map<String, DavCollection> calendars = byUser.computeIfAbsent(user, u -> {
            Map<String, DavCollection> initial = new LinkedHashMap<>();
            initial.put("personal", calendar("Personal", "#00679e", "VEVENT"));
            return initial;
        });
        synchronized (calendars) {
            return work.apply(calendars);
        }
    }

    static DavCollection calendar(String name, String color, String components) {
        DavCollection calendar = new DavCollection();
        calendar.properties().put("displayname", name);
        calendar.properties().put("calendar-color", color);
        calendar.properties().put("calendar-order", "0");
        calendar.properties().put("components", components);
        return calendar;
    }
}
