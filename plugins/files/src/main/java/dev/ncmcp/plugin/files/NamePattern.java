package dev.ncmcp.plugin.files;

import java.util.regex.Pattern;

/**
 * A name as nc_files_search documents it: a part of the name, or with {@code *} and {@code ?} a pattern for the
 * whole name; case is ignored. {@code %}, {@code _} and {@code \} are plain characters.
 */
record NamePattern(String text) {

    boolean hasWildcards() {
        return text.contains("*") || text.contains("?");
    }

    /** The {@code d:like} literal: SQL LIKE, where {@code \} escapes {@code %}, {@code _} and itself. */
    String like() {
        String like = text.replaceAll("([\\\\%_])", "\\\\$1").replace('*', '%').replace('?', '_');
        return hasWildcards() ? like : "%" + like + "%";
    }

    /** Checked on the answer too, so the result is right whatever LIKE escaping the server understands. */
    boolean matches(String name) {
        String regex = Pattern.quote(text).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(hasWildcards() ? regex : ".*" + regex + ".*",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL).matcher(name).matches();
    }
}
