package dev.ncmcp.plugin.notes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteSearchTest {

    private static Note note(long id, String title, String content, long modified) {
        return new Note(id, title, "", false, false, modified, "etag" + id, content, "/Notes/" + title + ".md");
    }

    private static List<Long> ids(List<NoteSearch.Hit> hits) {
        return hits.stream().map(hit -> hit.note().id()).toList();
    }

    @Test
    void titleMatchRanksAboveContentMatch() {
        List<Note> notes = List.of(
                note(1, "Groceries", "remember the budget meeting", 100),
                note(2, "Budget meeting", "numbers", 50));
        assertEquals(List.of(2L, 1L), ids(new NoteSearch("budget meeting").rank(notes, 10)));
    }

    @Test
    void exactPhraseBeatsAllTermsWhichBeatsSomeTerms() {
        List<Note> notes = List.of(
                note(1, "a", "the meeting about the budget", 300),
                note(2, "b", "only the budget here", 200),
                note(3, "c", "our budget meeting went well", 100));
        assertEquals(List.of(3L, 1L, 2L), ids(new NoteSearch("Budget Meeting").rank(notes, 10)));
    }

    @Test
    void recencyBreaksTies() {
        List<Note> notes = List.of(
                note(1, "x", "budget", 100),
                note(2, "y", "budget", 300),
                note(3, "z", "budget", 200));
        assertEquals(List.of(2L, 3L, 1L), ids(new NoteSearch("budget").rank(notes, 10)));
    }

    @Test
    void notesWithoutAnyTermAreLeftOutAndLimitApplies() {
        List<Note> notes = List.of(note(1, "x", "alpha", 1), note(2, "y", "beta", 2), note(3, "z", "alpha beta", 3));
        assertEquals(List.of(3L, 1L), ids(new NoteSearch("alpha").rank(notes, 10)));
        assertEquals(List.of(3L), ids(new NoteSearch("alpha").rank(notes, 1)));
    }

    @Test
    void matchingIgnoresCaseAndPunctuationBetweenTerms() {
        NoteSearch search = new NoteSearch("  MILK,  eggs ");
        assertEquals(2, search.fieldScore("eggs and milk"));
        assertEquals(0.5, search.fieldScore("just Milk"));
        assertEquals(0, search.fieldScore("bread"));
    }

    @Test
    void queryOfOnlyPunctuationIsEmpty() {
        assertTrue(new NoteSearch(" ,.; ").isEmpty());
    }

    @Test
    void snippetShowsTextAroundTheFirstMatchOnOneLine() {
        String content = "x".repeat(200) + "\n\nthe Budget\nmeeting is on Monday\n" + "y".repeat(200);
        String snippet = new NoteSearch("budget meeting").snippet(content);
        assertTrue(snippet.startsWith("…"), snippet);
        assertTrue(snippet.endsWith("…"), snippet);
        assertTrue(snippet.contains("the Budget meeting is on Monday"), snippet);
        assertTrue(snippet.length() <= 2 * NoteSearch.SNIPPET_RADIUS + "budget meeting".length() + 4, snippet);
    }

    @Test
    void snippetOfAShortNoteIsTheWholeNoteWithoutEllipsis() {
        assertEquals("buy milk and eggs", new NoteSearch("milk").snippet("buy milk\nand eggs"));
    }

    @Test
    void snippetFallsBackToTheStartWhenOnlyTheTitleMatched() {
        String snippet = new NoteSearch("groceries").snippet("a".repeat(300));
        assertEquals(2 * NoteSearch.SNIPPET_RADIUS + 1, snippet.length());
        assertTrue(snippet.endsWith("…"));
    }

    @Test
    void snippetNeverSplitsASurrogatePair() {
        String content = "😀".repeat(100) + "target" + "😀".repeat(100);
        String snippet = new NoteSearch("target").snippet(content);
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(Character.isLowSurrogate(snippet.charAt(i + 1)));
            } else {
                assertTrue(!Character.isLowSurrogate(c) || Character.isHighSurrogate(snippet.charAt(i - 1)));
            }
        }
    }
}
