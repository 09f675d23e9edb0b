package dev.ncmcp.plugin.calendar;

import dev.ncmcp.plugin.calendar.ics.IcsProperty;
import dev.ncmcp.spi.tool.Description;

import java.util.Locale;
import java.util.Optional;

/** An organizer or attendee as the tools show it. */
record Person(
        @Description("E-mail address") String email,
        @Description("Name") Optional<String> name,
        @Description("Role: REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR, NON-PARTICIPANT") Optional<String> role,
        @Description("Answer: NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED") Optional<String> status) {

    static Person of(IcsProperty property) {
        String address = property.value();
        String email = address.regionMatches(true, 0, "mailto:", 0, 7) ? address.substring(7) : address;
        return new Person(email, property.parameter("CN").map(Person::unquote), property.parameter("ROLE"),
                property.parameter("PARTSTAT"));
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }

    static String mailto(String email) {
        String bare = email.strip();
        return bare.toLowerCase(Locale.ROOT).startsWith("mailto:") ? bare : "mailto:" + bare;
    }
}
