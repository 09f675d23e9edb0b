package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Format;

import java.util.List;
import java.util.Optional;

/** What the Notes tools return: each record is a tool's output schema and its structured content. */
final class NoteResults {

    static final String ID = "Note id; pass it to the other nc_notes_ tools";
    static final String TITLE = "Note title (also the file name)";
    static final String CATEGORY = "Category, a '/'-separated folder path; empty for none";
    static final String FAVORITE = "Whether the note is starred";
    static final String MODIFIED = "Last change, ISO-8601 UTC";
    static final String ETAG = "Version tag; pass it to nc_notes_update_note to avoid overwriting newer changes";
    static final String READONLY = "Whether the note is read-only for this user (a read-only share)";
    static final String CONTENT = "The full markdown text of the note";

    private NoteResults() {
    }

    record NoteSummary(@Description(ID) long id, @Description(TITLE) String title,
                       @Description(CATEGORY) String category, @Description(FAVORITE) boolean favorite,
                       @Description(MODIFIED) @Format("date-time") String modified, @Description(ETAG) String etag) {
    }

    record NoteView(@Description(ID) long id, @Description(TITLE) String title,
                    @Description(CATEGORY) String category, @Description(FAVORITE) boolean favorite,
                    @Description(MODIFIED) @Format("date-time") String modified, @Description(ETAG) String etag,
                    @Description(READONLY) boolean readonly, @Description(CONTENT) String content) {
    }

    record AppendedNote(@Description(ID) long id, @Description(TITLE) String title,
                        @Description(CATEGORY) String category, @Description(FAVORITE) boolean favorite,
                        @Description(MODIFIED) @Format("date-time") String modified, @Description(ETAG) String etag,
                        @Description(READONLY) boolean readonly, @Description(CONTENT) String content,
                        @Description("How many writes it took (more than 1 when the note changed or was locked "
                                + "concurrently)") int attempts) {

        AppendedNote(NoteView note, int attempts) {
            this(note.id(), note.title(), note.category(), note.favorite(), note.modified(), note.etag(),
                    note.readonly(), note.content(), attempts);
        }
    }

    record NoteList(@Description("The notes, most recently modified first") List<NoteSummary> notes,
                    @Description("Number of matching notes before the limit") int total,
                    @Description("True when more notes matched than were returned") boolean truncated,
                    @Description("Pass it as 'cursor' to get the next notes; absent on the last page")
                    Optional<String> nextCursor) {
    }

    record SearchHit(@Description("Note id") long id, @Description("Note title") String title,
                     @Description("Note category") String category,
                     @Description(MODIFIED) @Format("date-time") String modified,
                     @Description("Relevance, higher is better (title matches count three times)") double score,
                     @Description("Content around the first match") String snippet) {
    }

    record SearchResults(@Description("Matching notes, best first") List<SearchHit> results,
                         @Description("Number of matching notes before the limit") int total) {
    }

    record Deleted(@Description("Id of the deleted note") long id, @Description("Always true") boolean deleted) {
    }

    /** How an attachment is returned. */
    enum AttachmentKind { TEXT, IMAGE, BINARY }

    record Attachment(@Description("The note the attachment belongs to") long noteId,
                      @Description("The requested path") String path,
                      @Description("Media type of the file") String mimeType,
                      @Description("Size in bytes") long size,
                      @Description("How the file is returned: as text, as an image or as an embedded binary resource")
                      AttachmentKind kind) {
    }
}
