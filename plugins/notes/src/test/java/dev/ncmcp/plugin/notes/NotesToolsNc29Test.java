package dev.ncmcp.plugin.notes;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ncmcp.plugin.notes.NotesHarness.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same tools against notes 4.13.1 on Nextcloud 29, whose v1 API is the same. */
class NotesToolsNc29Test {

    private static NotesHarness nc;

    @BeforeAll
    static void start() {
        nc = new NotesHarness(NextcloudVersion.NC29);
    }

    @AfterAll
    static void stop() {
        nc.close();
    }

    @Test
    void createGetAndConditionalUpdateWorkOnNotes4() throws ToolException {
        long id = nc.createNote("Old server", "v1", "Legacy").getJsonNumber("id").longValue();
        JsonObject read = nc.structured("nc_notes_get_note", args("id", id));
        assertEquals("v1", read.getString("content"));
        assertEquals("Legacy", read.getString("category"));

        JsonObject updated = nc.structured("nc_notes_update_note",
                args("id", id, "content", "v2", "etag", read.getString("etag")));
        assertEquals("v2", updated.getString("content"));

        ToolException stale = nc.failure("nc_notes_update_note",
                args("id", id, "content", "v3", "etag", read.getString("etag")));
        assertEquals(ToolException.Kind.CONFLICT, stale.kind());
        assertEquals("v2", stale.details().asJsonObject().getString("content"));
    }

    @Test
    void settingsResourceReportsTheNotes4Defaults() throws ToolException {
        String json = ((dev.ncmcp.spi.ResourceContents.Text) nc.readResource("nc-notes://settings", java.util.Map.of())
                .getFirst()).text();
        assertEquals(true, json.contains("\"noteMode\":\"edit\""), json);
    }
}
