package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsComponent;
import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.spi.tool.Description;

import java.time.Duration;
import java.util.Optional;

/** A reminder (VALARM) as the tools show it. */
record Reminder(
        @Description("When it goes off: an RFC 5545 trigger, e.g. -PT15M (15 minutes before the start), or a date-time")
        String trigger,
        @Description("Minutes before the start (or the due time of a task), when the trigger is relative to it")
        Optional<Long> minutesBefore,
        @Description("What it does: DISPLAY, EMAIL or AUDIO") String action) {

    static Reminder of(IcsComponent alarm) {
        String trigger = alarm.value("TRIGGER").orElse("");
        Optional<Long> minutes = Optional.empty();
        boolean fromEnd = alarm.property("TRIGGER").flatMap(t -> t.parameter("RELATED"))
                .filter("END"::equalsIgnoreCase).isPresent();
        if (trigger.startsWith("-P") || trigger.startsWith("P") || trigger.startsWith("+P")) {
            try {
                String iso = trigger.replaceFirst("^[+-]", "");
                Duration d = iso.contains("W") ? Duration.ofDays(7L * Long.parseLong(iso.replaceAll("\\D", "")))
                        : Duration.parse(iso.contains("T") || iso.endsWith("D") ? iso : iso + "T0S");
                long m = d.toMinutes();
                minutes = fromEnd ? Optional.empty() : Optional.of(trigger.startsWith("-") ? m : -m);
            } catch (RuntimeException unreadable) {
                minutes = Optional.empty();
            }
        }
        return new Reminder(trigger, minutes, alarm.value("ACTION").orElse("DISPLAY"));
    }

    /** A display alarm some minutes before the start. */
    static IcsComponent alarm(long minutesBefore, String summary) {
        String trigger = minutesBefore >= 0 ? "-PT" + minutesBefore + "M" : "PT" + (-minutesBefore) + "M";
        return new IcsComponent("VALARM")
                .add(IcsProperty.of("ACTION", "DISPLAY"))
                .add(IcsProperty.of("TRIGGER", trigger))
                .add(IcsProperty.text("DESCRIPTION", summary.isBlank() ? "Reminder" : summary));
    }
}
