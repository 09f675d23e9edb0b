package dev.ncmcp.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a captured string with the simulator's when parts of it differ per run: redacted secrets
 * ({@code REDACTED-15} stands for any 15 letters or digits, {@code REDACTED-HASH-99} for any hash), timestamps (a date
 * and time stands for any of the same shape, a unix time for any other), and ids the replay has learned (the
 * captured {@code 91} in {@code "Recipe 91 deleted successfully"} stands for the simulator's id).
 */
final class VolatileText {
    private static final Pattern VOLATILE = Pattern.compile(
            "REDACTED-HASH-\\d+|REDACTED-(\\d+)|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}|\\b1[5-9]\\d{8}\\b|\\b\\d{2,}\\b");

    private VolatileText() {
    }

    /**
     * Whether {@code actual} is {@code expected} up to its volatile parts; the values standing in for redacted
     * secrets are added to {@code learned} (first value wins), so later requests can use them.
     */
    static boolean matches(String expected, String actual, Map<String, String> ids, Map<String, String> learned) {
        if (expected.equals(actual)) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        List<String> secrets = new ArrayList<>();
        Matcher part = VOLATILE.matcher(expected);
        int literalFrom = 0;
        while (part.find()) {
            regex.append(Pattern.quote(expected.substring(literalFrom, part.start())));
            String token = part.group();
            if (token.startsWith("REDACTED-HASH-")) {
                regex.append(".+");
            } else if (part.group(1) != null) {
                regex.append("([A-Za-z0-9]{").append(part.group(1)).append("})");
                secrets.add(token);
            } else if (token.contains(":")) {
                regex.append(token.replaceAll("\\d", "\\\\d"));
            } else if (token.length() == 10 && token.startsWith("1") && !ids.containsKey(token)) {
                regex.append("\\d{10}");
            } else {
                regex.append(Pattern.quote(ids.getOrDefault(token, token)));
            }
            literalFrom = part.end();
        }
        regex.append(Pattern.quote(expected.substring(literalFrom)));
        Matcher whole = Pattern.compile(regex.toString()).matcher(actual);
        if (!whole.matches()) {
            return false;
        }
        for (int i = 0; i < secrets.size(); i++) {
            learned.putIfAbsent(secrets.get(i), whole.group(i + 1));
        }
        return true;
    }
}
