package dev.ncmcp.simulator.files;

import java.util.regex.Pattern;

/**
 * A {@code d:like} literal as Nextcloud evaluates it on file names: the literal goes unescaped into
 * the SQL {@code LIKE} of {@code ISearchComparison::COMPARE_LIKE}, which {@code SearchBuilder} runs
 * as {@code iLike} (both sides lower-cased). {@code %} matches any run of characters, {@code _}
 * exactly one, and a backslash makes the next character literal: {@code ESCAPE '\'} is added on
 * SQLite ({@code SqliteExpressionBuilder::like}) and is the default on MySQL and PostgreSQL.
 */
final class LikePattern {
    private LikePattern() {
    }

    static Pattern compile(String literal) {
        StringBuilder regex = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                plain.append(literal.charAt(++i));
            } else if (c == '%' || c == '_') {
                regex.append(quote(plain)).append(c == '%' ? ".*" : ".");
                plain.setLength(0);
            } else {
                plain.append(c);
            }
        }
        regex.append(quote(plain));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static String quote(StringBuilder plain) {
        return plain.isEmpty() ? "" : Pattern.quote(plain.toString());
    }
}
