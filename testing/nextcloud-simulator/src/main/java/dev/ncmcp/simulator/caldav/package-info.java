/**
 * CalDAV as Nextcloud 31 answers it ({@code shared/reference/nextcloud/caldav/}): the calendar home with its inbox,
 * outbox and trash bin, MKCALENDAR, PROPPATCH, calendar objects with MD5 ETags, calendar-query (time-range on
 * expanded recurrences, prop-filters, {@code <expand>}), calendar-multiget, sync-collection, and deletion into the
 * calendar trash bin.
 */
package dev.ncmcp.simulator.caldav;
