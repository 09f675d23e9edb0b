package dev.ncmcp.plugin.calendar.ics;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * A time zone as an event names it: its {@code TZID} and the rules that turn its wall-clock times into instants. The
 * rules are the JDK's for IANA names and the object's own {@code VTIMEZONE} for any other name (Outlook's
 * "W. Europe Standard Time" and the like).
 *
 * @param tzid  the name as written in the object
 * @param rules the offsets
 * @param iana  the JDK zone when the name is an IANA one
 */
public record Zone(String tzid, ZoneRules rules, Optional<ZoneId> iana) {

    public static final Zone UTC = new Zone("UTC", ZoneOffset.UTC.getRules(), Optional.of(ZoneOffset.UTC));

    public static Zone of(ZoneId zone) {
        return new Zone(zone.getId(), zone.getRules(), Optional.of(zone));
    }

    /**
     * The instant of a wall-clock time. A time that does not exist (skipped by a daylight-saving change) is read with
     * the offset before the gap, as RFC 5545 §3.3.5 says: 02:30 on a spring-forward day is 03:30 summer time. A time
     * that exists twice is the first (earlier) one.
     */
    public Instant instant(LocalDateTime wall) {
        List<ZoneOffset> valid = rules.getValidOffsets(wall);
        if (!valid.isEmpty()) {
            return wall.toInstant(valid.getFirst());
        }
        ZoneOffsetTransition gap = rules.getTransition(wall);
        return wall.toInstant(gap.getOffsetBefore());
    }

    /** The instant as a date-time with this zone's offset at that instant. */
    public OffsetDateTime at(Instant instant) {
        return instant.atOffset(rules.getOffset(instant));
    }

    /** The wall-clock time of an instant here. */
    public LocalDateTime wall(Instant instant) {
        return at(instant).toLocalDateTime();
    }
}
