package dev.ncmcp.plugin.calendar;

import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A calendar of the user as the tools show it. */
record CalendarInfo(
        @Description("The calendar's id (the last segment of its URL); pass it as 'calendar' to the other tools") String id,
        @Description("Display name") String name,
        @Description("Colour, e.g. #0082c9") Optional<String> color,
        @Description("Description") Optional<String> description,
        @Description("What it holds: VEVENT (events), VTODO (tasks)") List<String> components,
        @Description("true when the user may not change it (a subscription, a read-only share, an app's calendar)")
        boolean readOnly,
        @Description("true when another user owns it and shares it with this user") boolean shared,
        @Description("The calendar's DAV path") String href) {

    static final QName CALENDAR = QName.caldav("calendar");
    static final QName COLOR = new QName(QName.APPLE_ICAL, "calendar-color");
    static final QName DESCRIPTION = QName.caldav("calendar-description");
    static final QName COMPONENTS = QName.caldav("supported-calendar-component-set");
    static final QName PRIVILEGES = QName.dav("current-user-privilege-set");
    static final QName OWNER = QName.owncloud("owner-principal");
    /** Nextcloud's calendar trash bin keeps deleted calendars answering at their old URL. */
    static final QName DELETED = new QName("http://nextcloud.com/ns", "deleted-calendar");
    static final List<QName> PROPERTIES = List.of(QName.dav("resourcetype"), QName.dav("displayname"), COLOR,
            DESCRIPTION, COMPONENTS, PRIVILEGES, OWNER);
    private static final Set<String> WRITE_PRIVILEGES = Set.of("all", "write", "write-content", "bind");

    boolean holds(String component) {
        return components.contains(component);
    }

    /** {@code principals/users/bob} and {@code /remote.php/dav/principals/users/bob/} both end in {@code bob}. */
    private static String lastSegment(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static boolean isCalendar(DavEntry entry) {
        return entry.resourceTypes().contains(CALENDAR) && !entry.resourceTypes().contains(DELETED);
    }

    static CalendarInfo of(DavEntry entry, String principal) {
        String href = entry.href().endsWith("/") ? entry.href() : entry.href() + "/";
        String id = href.substring(href.lastIndexOf('/', href.length() - 2) + 1, href.length() - 1);
        List<String> components = entry.element(COMPONENTS)
                .map(set -> set.children().stream().map(comp -> comp.attributes().getOrDefault("name", ""))
                        .filter(name -> !name.isBlank()).toList())
                .filter(list -> !list.isEmpty())
                .orElse(List.of("VEVENT", "VTODO"));
        boolean readOnly = entry.element(PRIVILEGES).map(set -> set.children().stream()
                .flatMap(privilege -> privilege.children().stream())
                .map(XmlElement::name)
                .noneMatch(name -> WRITE_PRIVILEGES.contains(name.name()))).orElse(false);
        boolean shared = entry.property(OWNER).filter(o -> !o.isBlank())
                .map(owner -> !lastSegment(owner).equals(lastSegment(principal))).orElse(false);
        return new CalendarInfo(id, entry.dav("displayname").filter(n -> !n.isBlank()).orElse(id),
                entry.property(COLOR).filter(c -> !c.isBlank()), entry.property(DESCRIPTION).filter(d -> !d.isBlank()),
                components, readOnly, shared, href);
    }
}
