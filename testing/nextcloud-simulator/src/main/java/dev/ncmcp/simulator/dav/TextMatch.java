package dev.ncmcp.simulator.dav;

import java.util.Locale;

/** CalDAV/CardDAV {@code text-match}: equals, contains, starts-with, ends-with, with or without case. */
public final class TextMatch {
    private TextMatch() {
    }

    public static boolean matches(String value, String text, String matchType, boolean caseless) {
        String v = caseless ? value.toLowerCase(Locale.ROOT) : value;
        String t = caseless ? text.toLowerCase(Locale.ROOT) : text;
        return switch (matchType) {
            case "equals" -> v.equals(t);
            case "starts-with" -> v.startsWith(t);
            case "ends-with" -> v.endsWith(t);
            default -> v.contains(t);
        };
    }
}
