package dev.ncmcp.plugin.files;

import java.util.regex.Pattern;

/**
 * A name to search for as nc_files_search documents it: a part of the name, or, with {@code *} and {@code ?}, a
 * pattern for the whole name; case is ignored. {@code %}, {@code _} and {@code \} are plain characters.
 */
record NamePattern(String text) {

    boolean hasWildcards() {
        return text.contains("*") || text.contains("?");
    }

    /** The {@code d:like} literal: SQL's wildcards escaped, then {@code *} as {@code %} and {@code ?} as {@code _}. */
    String like() {
        StringBuilder like = new StringBuilder(hasWildcards() ? "" : "%");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                default -> like.append(escapeLike(String.valueOf(c)));
            }
        }
        return hasWildcards() ? like.toString() : like.append('%').toString();
    }

    /** Whether a name matches; checked here too, so the answer is right whatever escaping the server understands. */
    boolean matches(String name) {
        StringBuilder regex = new StringBuilder(hasWildcards() ? "" : ".*");
        for (char c : text.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        regex.append(hasWildcards() ? "" : ".*");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(name).matches();
    }

    /** Text for a {@code d:like} literal that matches itself only: {@code %}, {@code _} and {@code \} escaped. */
    static String escapeLike(String text) {
        return text.replaceAll("([\\\\%_])", "\\\\$1");
    }
}
