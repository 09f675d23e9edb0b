package dev.ncmcp.plugin.calendar.ics;

import java.time.Instant;
import java.util.Optional;

/**
 * One occurrence of an event or task: the component that describes it (the series' master, or the override of this
 * occurrence), its start and end, and, for occurrences of a series, the {@code RECURRENCE-ID} that names it.
 */
public record Occurrence(IcsComponent component, Optional<IcsTime> start, Optional<IcsTime> end,
                         Optional<IcsTime> recurrenceId, boolean recurring) {

    /** Whether the occurrence overlaps {@code [from, to)}; a zero-length one counts when it starts inside. */
    public boolean overlaps(Instant from, Instant to, Zone viewZone) {
        if (start.isEmpty()) {
            return true;
        }
        Instant begins = start.get().instant(viewZone);
        Instant ends = end.map(e -> e.instant(viewZone)).orElse(begins);
        return begins.isBefore(to) && (ends.isAfter(from) || (!ends.isAfter(begins) && !begins.isBefore(from)));
    }

    /** When it starts, for sorting; occurrences without a start sort last. */
    public Instant sortKey(Zone viewZone) {
        return start.map(s -> s.instant(viewZone)).orElse(Instant.MAX);
    }
}
