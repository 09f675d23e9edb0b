package dev.ncmcp.plugin.calendar.ics;

import net.fortuna.ical4j.model.Recur;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the events (or tasks) of one calendar object into their occurrences in a time range: {@code RRULE} (by
 * ical4j's {@link Recur}, on wall-clock times so that a weekly 10:00 stays 10:00 across a daylight-saving change),
 * {@code RDATE}, {@code EXDATE} and {@code RECURRENCE-ID} overrides.
 */
public final class Recurrences {

    /** A series yields at most this many occurrences per range, so a minutely rule cannot flood a listing. */
    static final int MAX_OCCURRENCES = 1000;
    private static final Pattern UNTIL = Pattern.compile("UNTIL=([0-9]{8}(T[0-9]{6}Z?)?)", Pattern.CASE_INSENSITIVE);

    private Recurrences() {
    }

    /** The occurrences of the {@code componentName} components of {@code calendar} that overlap {@code [from, to)}. */
    public static List<Occurrence> between(IcsComponent calendar, String componentName, Instant from, Instant to,
                                           Zone viewZone) {
        Zones zones = new Zones(calendar);
        Map<String, List<IcsComponent>> byUid = new LinkedHashMap<>();
        for (IcsComponent component : calendar.components(componentName)) {
            byUid.computeIfAbsent(component.value("UID").orElse(""), uid -> new ArrayList<>()).add(component);
        }
        List<Occurrence> out = new ArrayList<>();
        for (List<IcsComponent> series : byUid.values()) {
            out.addAll(expand(series, zones, from, to, viewZone));
        }
        out.sort(Comparator.comparing(occurrence -> occurrence.sortKey(viewZone)));
        return out;
    }

    /** Every component of the object as it is stored: the master and its overrides, unexpanded. */
    public static Occurrence stored(IcsComponent component, Zones zones) {
        Optional<IcsTime> start = start(component, zones);
        return new Occurrence(component, start, end(component, start, zones),
                component.property("RECURRENCE-ID").map(p -> IcsTime.read(p, zones)), isSeries(component));
    }

    public static boolean isSeries(IcsComponent component) {
        return component.property("RRULE").isPresent() || component.property("RDATE").isPresent();
    }

    public static Optional<IcsTime> start(IcsComponent component, Zones zones) {
        return component.property("DTSTART").map(p -> IcsTime.read(p, zones));
    }

    /** DTEND, or DUE for a task, or the start plus DURATION; an all-day event without either lasts one day. */
    public static Optional<IcsTime> end(IcsComponent component, Optional<IcsTime> start, Zones zones) {
        Optional<IcsTime> end = component.property(component.is("VTODO") ? "DUE" : "DTEND")
                .map(p -> IcsTime.read(p, zones));
        if (end.isPresent() || start.isEmpty()) {
            return end;
        }
        Optional<String> duration = component.value("DURATION");
        if (duration.isPresent()) {
            return Optional.of(plus(start.get(), duration.get()));
        }
        return component.is("VEVENT") && start.get().allDay()
                ? Optional.of(IcsTime.ofDate(start.get().date().orElseThrow().plusDays(1))) : Optional.empty();
    }

    private static List<Occurrence> expand(List<IcsComponent> series, Zones zones, Instant from, Instant to,
                                           Zone viewZone) {
        List<Occurrence> out = new ArrayList<>();
        IcsComponent master = series.stream().filter(c -> c.property("RECURRENCE-ID").isEmpty()).findFirst()
                .orElse(null);
        List<Occurrence> overrides = series.stream().filter(c -> c.property("RECURRENCE-ID").isPresent())
                .map(c -> stored(c, zones)).toList();
        Set<Instant> overridden = new HashSet<>();
        overrides.forEach(o -> overridden.add(o.recurrenceId().orElseThrow().instant(viewZone)));
        overrides.stream().filter(o -> o.overlaps(from, to, viewZone)).forEach(out::add);
        if (master == null) {
            return out;
        }
        Occurrence stored = stored(master, zones);
        if (!stored.recurring() || stored.start().isEmpty()) {
            if (stored.overlaps(from, to, viewZone)) {
                out.add(stored);
            }
            return out;
        }
        IcsTime first = stored.start().get();
        Optional<IcsTime> firstEnd = stored.end();
        Set<Instant> excluded = new HashSet<>();
        master.properties("EXDATE").forEach(p -> values(p).forEach(v -> excluded.add(
                IcsTime.read(v, p.parameters(), zones).instant(viewZone))));
        for (LocalDateTime wall : starts(master, first, zones, from, to, viewZone)) {
            IcsTime start = first.withWall(wall);
            Instant at = start.instant(viewZone);
            if (excluded.contains(at) || overridden.contains(at)) {
                continue;
            }
            Optional<IcsTime> end = firstEnd.map(e -> e.allDay() ? IcsTime.ofDate(wall.toLocalDate()
                    .plusDays(length(first, e, viewZone).toDays())) : plusExact(start, length(first, e, viewZone)));
            Occurrence occurrence = new Occurrence(master, Optional.of(start), end, Optional.of(start), true);
            if (occurrence.overlaps(from, to, viewZone)) {
                out.add(occurrence);
                if (out.size() >= MAX_OCCURRENCES) {
                    break;
                }
            }
        }
        return out;
    }

    /** The wall-clock starts of the series from RRULE and RDATE, from a little before {@code from} to {@code to}. */
    private static List<LocalDateTime> starts(IcsComponent master, IcsTime first, Zones zones, Instant from, Instant to,
                                              Zone viewZone) {
        Zone zone = first.zone().orElse(viewZone);
        Duration longest = Duration.ofDays(366);
        LocalDateTime windowStart = zone.wall(from.minus(longest));
        LocalDateTime windowEnd = zone.wall(to).plusDays(1);
        List<LocalDateTime> starts = new ArrayList<>();
        for (var rule : master.properties("RRULE")) {
            String text = untilAsWall(rule.value(), first, zone);
            if (first.allDay()) {
                Recur<LocalDate> recur = new Recur<>(text);
                recur.getDates(first.date().orElseThrow(), windowStart.toLocalDate(), windowEnd.toLocalDate(),
                        MAX_OCCURRENCES * 4).forEach(date -> starts.add(date.atStartOfDay()));
            } else {
                Recur<LocalDateTime> recur = new Recur<>(text);
                starts.addAll(recur.getDates(first.localWall(), windowStart, windowEnd, MAX_OCCURRENCES * 4));
            }
        }
        for (var rdate : master.properties("RDATE")) {
            if (rdate.parameter("VALUE").filter("PERIOD"::equalsIgnoreCase).isPresent()) {
                continue;
            }
            values(rdate).forEach(v -> {
                IcsTime time = IcsTime.read(v, rdate.parameters(), zones);
                starts.add(time.zone().map(z -> zone.wall(time.instant(viewZone))).orElse(time.localWall()));
            });
        }
        if (master.properties("RRULE").isEmpty()) {
            starts.add(first.localWall());
        }
        return starts.stream().distinct().sorted().toList();
    }

    /** A UTC {@code UNTIL} as wall-clock time in the series' zone, and a date-time UNTIL of an all-day series as a date. */
    static String untilAsWall(String rule, IcsTime first, Zone zone) {
        Matcher m = UNTIL.matcher(rule);
        if (!m.find()) {
            return rule;
        }
        String until = m.group(1);
        String replacement;
        if (first.allDay()) {
            replacement = until.substring(0, 8);
        } else if (until.length() == 8) {
            replacement = until + "T235959";
        } else if (until.toUpperCase().endsWith("Z")) {
            Instant instant = LocalDateTime.parse(until.substring(0, 15), IcsTime.BASIC_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
            replacement = IcsTime.BASIC_DATE_TIME.format(zone.wall(instant));
        } else {
            replacement = until;
        }
        return rule.substring(0, m.start(1)) + replacement + rule.substring(m.end(1));
    }

    private static List<String> values(IcsProperty property) {
        List<String> values = new ArrayList<>();
        for (String v : property.value().split(",")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        return values;
    }

    /** The start plus an ISO 8601 / RFC 5545 duration ({@code PT1H30M}, {@code P1D}, {@code P2W}). */
    public static IcsTime plus(IcsTime start, String duration) {
        String text = duration.strip().toUpperCase();
        boolean negative = text.startsWith("-");
        text = text.replaceFirst("^[+-]", "");
        Period days = Period.ZERO;
        Duration time = Duration.ZERO;
        Matcher weeks = Pattern.compile("P(\\d+)W").matcher(text);
        if (weeks.matches()) {
            days = Period.ofWeeks(Integer.parseInt(weeks.group(1)));
        } else {
            int t = text.indexOf('T');
            String datePart = t < 0 ? text : text.substring(0, t);
            if (datePart.length() > 1) {
                days = Period.parse(datePart);
            }
            if (t >= 0) {
                time = Duration.parse("PT" + text.substring(t + 1));
            }
        }
        if (negative) {
            days = days.negated();
            time = time.negated();
        }
        if (start.allDay() && time.isZero()) {
            return IcsTime.ofDate(start.date().orElseThrow().plus(days));
        }
        return plusExact(start.withWall(start.localWall().plus(days)), time);
    }

    /**
     * The start plus an exact duration: days and weeks are nominal (same wall-clock time), hours, minutes and seconds
     * exact (RFC 5545 §3.3.6), so one hour from 02:30 on a spring-forward day ends at 04:30 summer time.
     */
    public static IcsTime plusExact(IcsTime start, Duration exact) {
        if (start.allDay() || start.floating()) {
            return start.withWall(start.localWall().plus(exact));
        }
        Zone zone = start.zone().orElseThrow();
        Instant end = start.instant(zone).plus(exact);
        return start.utc() ? IcsTime.ofUtc(end) : IcsTime.ofZoned(zone.wall(end), zone);
    }

    /** The exact length from one value to another; whole days between dates. */
    public static Duration length(IcsTime start, IcsTime end, Zone viewZone) {
        if (start.allDay() && end.allDay()) {
            return Duration.ofDays(ChronoUnit.DAYS.between(start.date().orElseThrow(), end.date().orElseThrow()));
        }
        return Duration.between(start.instant(viewZone), end.instant(viewZone));
    }
}
