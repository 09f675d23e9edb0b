package dev.ncmcp.plugin.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ranks notes against a query. A match in the title weighs more than one in the content; in each,
 * the exact phrase beats all terms, which beats some terms. Ties go to the more recently modified note.
 */
final class NoteSearch {

    static final int SNIPPET_RADIUS = 60;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}&&[^#@_-]]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** One ranked note. */
    record Hit(Note note, double score, String snippet) {
    }

    private final String phrase;
    private final List<String> terms;

    NoteSearch(String query) {
        this.phrase = WHITESPACE.matcher(query.strip()).replaceAll(" ");
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String term : SEPARATORS.split(phrase.toLowerCase(Locale.ROOT))) {
            if (!term.isBlank()) {
                unique.add(term);
            }
        }
        this.terms = List.copyOf(unique);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    List<Hit> rank(List<Note> notes, int limit) {
        List<Hit> hits = new ArrayList<>();
        for (Note note : notes) {
            String content = note.content() == null ? "" : note.content();
            double score = 3 * fieldScore(note.title()) + fieldScore(content);
            if (score > 0) {
                hits.add(new Hit(note, Math.round(score * 100) / 100.0, snippet(content)));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(Comparator.comparingLong((Hit hit) -> hit.note().modified()).reversed())
                .thenComparingLong(hit -> hit.note().id()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** 0 (no term) … 1 (some terms, by share) … 2 (all terms) … 3 (the exact phrase). */
    double fieldScore(String text) {
        if (terms.isEmpty() || text.isEmpty()) {
            return 0;
        }
        if (indexOfIgnoreCase(text, phrase, 0) >= 0) {
            return 3;
        }
        long found = terms.stream().filter(term -> indexOfIgnoreCase(text, term, 0) >= 0).count();
        if (found == terms.size()) {
            return 2;
        }
        return (double) found / terms.size();
    }

    /** The text around the first match of the phrase (or else the earliest term), on one line. */
    String snippet(String content) {
        if (content.isEmpty()) {
            return "";
        }
        int start = indexOfIgnoreCase(content, phrase, 0);
        int length = phrase.length();
        if (start < 0) {
            for (String term : terms) {
                int at = indexOfIgnoreCase(content, term, 0);
                if (at >= 0 && (start < 0 || at < start)) {
                    start = at;
                    length = term.length();
                }
            }
        }
        if (start < 0) {
            return excerpt(content, 0, Math.min(content.length(), 2 * SNIPPET_RADIUS));
        }
        return excerpt(content, Math.max(0, start - SNIPPET_RADIUS),
                Math.min(content.length(), start + length + SNIPPET_RADIUS));
    }

    private static String excerpt(String content, int from, int to) {
        // never cut a surrogate pair in half
        if (from > 0 && Character.isLowSurrogate(content.charAt(from))) {
            from--;
        }
        if (to < content.length() && Character.isLowSurrogate(content.charAt(to))) {
            to++;
        }
        String text = WHITESPACE.matcher(content.substring(from, to)).replaceAll(" ").strip();
        return (from > 0 ? "…" : "") + text + (to < content.length() ? "…" : "");
    }

    /** Case-insensitive search without lower-casing the text, so indexes stay valid for any script. */
    static int indexOfIgnoreCase(String text, String needle, int from) {
        if (needle.isEmpty()) {
            return -1;
        }
        for (int i = from; i <= text.length() - needle.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
