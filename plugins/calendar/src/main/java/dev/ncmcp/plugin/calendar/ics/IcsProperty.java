package dev.ncmcp.plugin.calendar.ics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One content line: name, parameters (in order) and the raw value as written (escaped where the type escapes).
 * Immutable; the {@code with…} methods return changed copies.
 */
public record IcsProperty(String name, Map<String, String> parameters, String value) {

    public IcsProperty {
        name = name.toUpperCase(Locale.ROOT);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static IcsProperty of(String name, String rawValue) {
        return new IcsProperty(name, Map.of(), rawValue);
    }

    /** A TEXT property: the value is escaped (RFC 5545 §3.3.11). */
    public static IcsProperty text(String name, String text) {
        return new IcsProperty(name, Map.of(), escape(text));
    }

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    public Optional<String> parameter(String parameterName) {
        return parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(parameterName))
                .map(Map.Entry::getValue).findFirst();
    }

    public IcsProperty withParameter(String parameterName, String parameterValue) {
        Map<String, String> changed = new LinkedHashMap<>();
        parameters.forEach((key, v) -> {
            if (!key.equalsIgnoreCase(parameterName)) {
                changed.put(key, v);
            }
        });
        if (parameterValue != null) {
            changed.put(parameterName.toUpperCase(Locale.ROOT), parameterValue);
        }
        return new IcsProperty(name, changed, value);
    }

    /** The value unescaped, for TEXT properties. */
    public String text() {
        return unescape(value);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
