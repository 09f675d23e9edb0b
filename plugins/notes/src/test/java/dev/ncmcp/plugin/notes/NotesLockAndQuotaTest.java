package dev.ncmcp.plugin.notes;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ncmcp.plugin.notes.NotesHarness.USER;
import static dev.ncmcp.plugin.notes.NotesHarness.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Notes answers while another write holds a note's lock (423) and when the quota is full (507). */
class NotesLockAndQuotaTest {

    private static NotesHarness nc;

    @BeforeAll
    static void start() {
        nc = new NotesHarness(NextcloudVersion.NC31);
    }

    @AfterAll
    static void stop() {
        nc.close();
    }

    @Test
    void appendWaitsOutALockedNoteSoNoAppendIsLost() throws ToolException {
        long id = nc.createNote("Locked log", "line 1", "").getJsonNumber("id").longValue();
        nc.simulator.lockNote(USER, id, 2);
        JsonObject saved = nc.structured("nc_notes_append_to_note", args("id", id, "text", "line 2"));
        assertEquals(3, saved.getInt("attempts"));
        assertEquals("line 1\nline 2", nc.structured("nc_notes_get_note", args("id", id)).getString("content"));
    }

    @Test
    void otherWritesToALockedNoteAreLockedErrorsToRetry() throws ToolException {
        long id = nc.createNote("Locked page", "before", "").getJsonNumber("id").longValue();
        nc.simulator.lockNote(USER, id, 2);
        ToolException update = nc.failure("nc_notes_update_note", args("id", id, "content", "after"));
        assertEquals(Kind.LOCKED, update.kind());
        ToolException delete = nc.failure("nc_notes_delete_note", args("id", id));
        assertEquals(Kind.LOCKED, delete.kind());
        assertTrue(delete.getMessage().contains("try again"), delete.getMessage());
        assertEquals("before", nc.structured("nc_notes_get_note", args("id", id)).getString("content"));
    }

    @Test
    void aFullQuotaIsAQuotaErrorAndCreatesNothing() throws ToolException {
        int before = nc.structured("nc_notes_list_notes", args()).getInt("total");
        nc.simulator.quota(USER, 64);
        try {
            ToolException e = nc.failure("nc_notes_create_note", args("title", "Too big", "content", "x".repeat(4096)));
            assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
            assertTrue(e.getMessage().contains("storage space"), e.getMessage());
        } finally {
            nc.simulator.unlimitedQuota(USER);
        }
        assertEquals(before, nc.structured("nc_notes_list_notes", args()).getInt("total"));
    }
}
