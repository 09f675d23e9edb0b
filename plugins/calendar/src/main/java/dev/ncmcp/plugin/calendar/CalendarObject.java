package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;

import java.util.Optional;

/**
 * One stored calendar object ({@code .ics} resource): where it is, its version and its content.
 *
 * @param calendar the calendar holding it
 * @param href     its DAV path
 * @param etag     its entity tag as the server sent it (quoted), when it sent one
 * @param ics      the VCALENDAR
 */
record CalendarObject(CalendarInfo calendar, String href, Optional<String> etag, IcsComponent ics) {
}
