package dev.ncmcp.simulator.deck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user ids a comment mentions ({@code @alice}, {@code @"alice smith"}), as Nextcloud's comments find them. */
final class Mentions {
    private static final Pattern MENTION = Pattern.compile("(?:^|\\s)@(?:\"([^\"]+)\"|([A-Za-z0-9_\\-@.']+))");

    private Mentions() {
    }

    static List<String> in(String message) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(message);
        while (matcher.find()) {
            ids.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2).replaceAll("[.']+$", ""));
        }
        return List.copyOf(ids);
    }
}
