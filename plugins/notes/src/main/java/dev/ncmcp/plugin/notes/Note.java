package dev.ncmcp.plugin.notes;

import dev.ncmcp.plugin.notes.NoteResults.NoteSummary;
import dev.ncmcp.plugin.notes.NoteResults.NoteView;
import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * A note as the Notes API v1 returns it.
 *
 * @param content      null when the request excluded it
 * @param internalPath the note file below the user's files root, e.g. {@code /Notes/Work/Meeting.md}; may be null
 */
record Note(long id, String title, String category, boolean favorite, boolean readonly, long modified,
            String etag, String content, String internalPath) {

    /** Parses one note object; anything else is an upstream error, since the model cannot fix it. */
    static Note parse(JsonValue value) throws ToolException {
        if (!(value instanceof JsonObject json) || !(json.get("id") instanceof JsonNumber id) || !id.isIntegral()) {
            throw ToolException.upstream("Nextcloud Notes answered with something that is not a note");
        }
        return new Note(id.longValue(),
                text(json, "title"),
                text(json, "category"),
                json.get("favorite") == JsonValue.TRUE,
                json.get("readonly") == JsonValue.TRUE,
                json.get("modified") instanceof JsonNumber modified ? modified.longValue() : 0L,
                text(json, "etag"),
                json.get("content") instanceof JsonString content ? content.getString() : null,
                json.get("internalPath") instanceof JsonString path ? path.getString() : null);
    }

    String modifiedIso() {
        return Instant.ofEpochSecond(modified).toString();
    }

    /** The fields every list shows: no content. */
    NoteSummary summary() {
        return new NoteSummary(id, title, category, favorite, modifiedIso(), etag);
    }

    /** Everything, including the content, for get/create/update and conflict details. */
    NoteView view() {
        return new NoteView(id, title, category, favorite, modifiedIso(), etag, readonly, content == null ? "" : content);
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : "";
    }
}
