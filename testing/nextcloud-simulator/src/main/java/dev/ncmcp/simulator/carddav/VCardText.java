package dev.ncmcp.simulator.carddav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A vCard as content lines, enough for what Sabre's CardDAV backend does with one: read property values for
 * text-matches, return a 4.0 card as 3.0 in REPORTs, and cut a card down to the properties an
 * {@code address-data} asks for.
 */
final class VCardText {

    /** One unfolded content line: its name (without group), the whole line, and its value. */
    record Line(String name, String text, String value) {
    }

    private final List<Line> lines;

    private VCardText(List<Line> lines) {
        this.lines = lines;
    }

    /** The card, or null when the text is not a vCard (Sabre: 415). */
    static VCardText parse(String data) {
        String unfolded = data.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
        List<Line> lines = new ArrayList<>();
        for (String raw : unfolded.split("\r?\n")) {
            if (raw.isBlank()) {
                continue;
            }
            int colon = valueStart(raw);
            if (colon < 0) {
                return null;
            }
            String head = raw.substring(0, colon);
            String name = head.split(";", 2)[0];
            name = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
            lines.add(new Line(name.toUpperCase(Locale.ROOT), raw, raw.substring(colon + 1)));
        }
        if (lines.isEmpty() || !lines.getFirst().text().equalsIgnoreCase("BEGIN:VCARD")
                || !lines.getLast().text().equalsIgnoreCase("END:VCARD")) {
            return null;
        }
        return new VCardText(lines);
    }

    /** The index of the colon that starts the value (colons inside quoted parameter values do not count). */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    List<String> values(String property) {
        return lines.stream().filter(l -> l.name().equals(property.toUpperCase(Locale.ROOT))).map(Line::value).toList();
    }

    String uid() {
        return values("UID").stream().findFirst().orElse("");
    }

    /**
     * The card as a REPORT returns it: version 3.0 (a 4.0 card is converted, with Sabre's PRODID), only the
     * {@code wanted} properties when a subset is asked for (plus VERSION and UID), lines ending in CRLF.
     */
    String asReported(Set<String> wanted) {
        boolean converted = values("VERSION").contains("4.0");
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            String name = line.name();
            boolean structural = name.equals("BEGIN") || name.equals("END") || name.equals("VERSION")
                    || name.equals("UID");
            if (!wanted.isEmpty() && !structural && !wanted.contains(name)) {
                continue;
            }
            if (converted && name.equals("PRODID")) {
                continue;
            }
            if (name.equals("VERSION")) {
                out.append("VERSION:3.0\r\n");
                if (converted) {
                    out.append("PRODID:-//Sabre//Sabre VObject 4.5.6//EN\r\n");
                }
                continue;
            }
            out.append(line.text()).append("\r\n");
        }
        return out.toString();
    }
}
