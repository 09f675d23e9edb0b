package dev.ncmcp.plugin.notes;

import dev.ncmcp.plugin.notes.NoteResults.AppendedNote;
import dev.ncmcp.plugin.notes.NoteResults.Attachment;
import dev.ncmcp.plugin.notes.NoteResults.AttachmentKind;
import dev.ncmcp.plugin.notes.NoteResults.Deleted;
import dev.ncmcp.plugin.notes.NoteResults.NoteList;
import dev.ncmcp.plugin.notes.NoteResults.NoteSummary;
import dev.ncmcp.plugin.notes.NoteResults.NoteView;
import dev.ncmcp.plugin.notes.NoteResults.SearchHit;
import dev.ncmcp.plugin.notes.NoteResults.SearchResults;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Download;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.FileContent;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Page;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.RecordJson;
import dev.ncmcp.spi.tool.Reply;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.notes.NotesPlugin.READ;
import static dev.ncmcp.plugin.notes.NotesPlugin.WRITE;

/** The Notes tools: the table, then one handler per tool with its argument record. */
final class NotesTools {

    static final int MAX_APPEND_ATTEMPTS = 5;
    static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;
    private static final String ID = "Note id, from nc_notes_list_notes or nc_notes_search_notes";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_notes_list_notes", ListNotes.class, NoteList.class)
                        .title("List notes")
                        .description("""
                                Lists the user's Nextcloud notes, most recently modified first, and returns for \
                                each (without the content) its id, title, category, favorite, modified (ISO-8601) and etag. Use it to \
                                browse or find a note id; use nc_notes_search_notes to find notes by words and \
                                nc_notes_get_note to read one.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::listNotes),
                Tool.define("nc_notes_search_notes", SearchNotes.class, SearchResults.class)
                        .title("Search notes")
                        .description("""
                                Searches the user's notes by title and content and returns the best matches \
                                first: id, title, category, a relevance score and a short snippet around the \
                                first match. Title matches rank above content matches, the exact phrase above \
                                all words, all words above some; recent notes win ties. Read a hit in full \
                                with nc_notes_get_note.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::searchNotes),
                Tool.define("nc_notes_get_note", NoteId.class, NoteView.class)
                        .title("Get note")
                        .description("""
                                Returns one note in full: title, category, favorite, modified, the markdown \
                                content and its etag. Keep the etag: nc_notes_update_note uses it to make sure \
                                nobody changed the note in between.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> api(call).get(args.id(), true).view()),
                Tool.define("nc_notes_create_note", CreateNote.class, NoteView.class)
                        .title("Create note")
                        .description("""
                                Creates a new note and returns it with its id and etag. If a note with the same \
                                title exists in the category, Nextcloud appends a number such as " (2)" to the \
                                title. Use nc_notes_append_to_note to add to an existing note instead.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createNote),
                Tool.define("nc_notes_update_note", UpdateNote.class, NoteView.class)
                        .title("Update note")
                        .description("""
                                Changes a note's title, content (replaced as a whole), category or favorite flag \
                                and returns the saved note with its new etag. Pass the etag from \
                                nc_notes_get_note: if the note changed since, nothing is saved and a CONFLICT \
                                error returns the current note, which you should re-read and merge. To add text \
                                at the end, prefer nc_notes_append_to_note.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateNote),
                Tool.define("nc_notes_append_to_note", AppendToNote.class, AppendedNote.class)
                        .title("Append to note")
                        .description("""
                                Appends text to the end of a note on a new line, safely against concurrent \
                                edits (it re-reads and retries when the note changes or is locked meanwhile), \
                                and returns the saved note. Use it for logs, to-do items and journal entries.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::appendToNote),
                Tool.define("nc_notes_delete_note", NoteId.class, Deleted.class)
                        .title("Delete note")
                        .description("""
                                Deletes a note (its file goes to the Nextcloud trash bin). Confirm with the user \
                                first; returns the id of the deleted note.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .summary(deleted -> "Deleted note " + deleted.id() + ".")
                        .handler(this::deleteNote),
                Tool.define("nc_notes_get_attachment", GetAttachment.class, Attachment.class)
                        .title("Get note attachment")
                        .description("""
                                Reads a file a note links to, such as an image in ![x](.attachments.123/photo.png): \
                                pass the note id and the path exactly as written in the link. Returns text files \
                                as text, images as images and other files as an embedded binary resource, up to \
                                5 MiB.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handlerWithContent(this::getAttachment));
    }

    private static NotesApi api(ToolInvocation call) {
        return new NotesApi(call.nextcloud());
    }

    // ---- nc_notes_list_notes

    record ListNotes(
            @Description("Only notes in exactly this category, e.g. 'Work/Projects'; '' for notes without a category")
            Optional<String> category,
            @Description("Maximum number of notes to return") @Range(min = 1, max = 1000) @Default("100") int limit,
            @Description("The nextCursor of the previous call, to continue the list") Optional<String> cursor) {
    }

    NoteList listNotes(ListNotes args, ToolInvocation call) throws ToolException {
        List<NoteSummary> notes = api(call).list(category(args.category()), false).stream()
                .sorted(Comparator.comparingLong(Note::modified).thenComparingLong(Note::id).reversed())
                .map(Note::summary)
                .toList();
        Page<NoteSummary> page = Page.of(notes, args.cursor(), args.limit());
        return new NoteList(page.items(), page.total(), page.truncated(), page.nextCursor());
    }

    // ---- nc_notes_search_notes

    record SearchNotes(
            @Description("Words or a phrase to look for in titles and content (case-insensitive)") @Length(min = 1)
            String query,
            @Description("Only search notes in exactly this category") Optional<String> category,
            @Description("Maximum number of results") @Range(min = 1, max = 50) @Default("10") int limit) {
    }

    SearchResults searchNotes(SearchNotes args, ToolInvocation call) throws ToolException {
        NoteSearch search = new NoteSearch(args.query());
        if (search.isEmpty()) {
            throw ToolException.invalidArgument("'query' must contain at least one word");
        }
        List<NoteSearch.Hit> all = search.rank(api(call).list(category(args.category()), true), Integer.MAX_VALUE);
        List<SearchHit> results = all.stream().limit(args.limit())
                .map(hit -> new SearchHit(hit.note().id(), hit.note().title(), hit.note().category(),
                        hit.note().modifiedIso(), hit.score(), hit.snippet()))
                .toList();
        return new SearchResults(results, all.size());
    }

    // ---- nc_notes_get_note, nc_notes_delete_note

    record NoteId(@Description(ID) @Range(min = 1) long id) {
    }

    Deleted deleteNote(NoteId args, ToolInvocation call) throws ToolException {
        api(call).delete(args.id());
        return new Deleted(args.id(), true);
    }

    // ---- nc_notes_create_note

    record CreateNote(@Description("Title of the new note; '/' is not allowed") @Length(min = 1) String title,
                      @Description("Markdown text of the note") @Default("") String content,
                      @Description("Category ('/'-separated folder path such as 'Work/Projects'); created if missing")
                      @Default("") String category,
                      @Description("Star the note") @Default("false") boolean favorite) {
        CreateNote {
            title = checkedTitle(title);
        }
    }

    NoteView createNote(CreateNote args, ToolInvocation call) throws ToolException {
        JsonObject fields = Json.createObjectBuilder()
                .add("title", args.title())
                .add("content", args.content())
                .add("category", category(Optional.of(args.category())).orElseThrow())
                .add("favorite", args.favorite())
                .build();
        return api(call).create(fields).view();
    }

    // ---- nc_notes_update_note

    record UpdateNote(@Description("Note id") @Range(min = 1) long id,
                      @Description("New title") @Length(min = 1) Optional<String> title,
                      @Description("New markdown content; replaces the whole content") Optional<String> content,
                      @Description("New category ('' for none); moves the note") Optional<String> category,
                      @Description("Star or unstar the note") Optional<Boolean> favorite,
                      @Description("The etag from nc_notes_get_note; when given, the update fails with CONFLICT "
                              + "instead of overwriting a newer version") Optional<String> etag) {
        UpdateNote {
            title = title.map(NotesTools::checkedTitle);
            if (title.isEmpty() && content.isEmpty() && category.isEmpty() && favorite.isEmpty()) {
                throw new IllegalArgumentException("Nothing to update: give at least one of title, content, category, "
                        + "favorite");
            }
        }
    }

    NoteView updateNote(UpdateNote args, ToolInvocation call) throws ToolException {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        args.title().ifPresent(title -> fields.add("title", title));
        args.content().ifPresent(content -> fields.add("content", content));
        category(args.category()).ifPresent(category -> fields.add("category", category));
        args.favorite().ifPresent(favorite -> fields.add("favorite", favorite));
        Optional<Etag> etag = args.etag().flatMap(Etag::parse);
        return switch (api(call).update(args.id(), fields.build(), etag)) {
            case NotesApi.Update.Saved saved -> saved.note().view();
            case NotesApi.Update.Conflict conflict -> throw ToolException.conflict("Note " + args.id()
                    + " changed since it was read (etag " + etag.orElseThrow().value() + " is stale; the current etag is "
                    + conflict.note().etag() + "). Nothing was saved. The current note is in the error details: re-read "
                    + "it with nc_notes_get_note, merge your change into its content and update again with the new "
                    + "etag.", RecordJson.of(conflict.note().view()));
            case NotesApi.Update.Locked locked -> throw new ToolException(ToolException.Kind.LOCKED, "Note "
                    + args.id() + " is being saved by someone else right now (Nextcloud answered 423 Locked). Nothing "
                    + "was saved; read it again with nc_notes_get_note and retry in a moment.");
        };
    }

    // ---- nc_notes_append_to_note

    record AppendToNote(@Description("Note id") @Range(min = 1) long id,
                        @Description("Markdown text to add at the end, on a new line") @Length(min = 1) String text) {
    }

    AppendedNote appendToNote(AppendToNote args, ToolInvocation call) throws ToolException {
        NotesApi api = api(call);
        Note current = api.get(args.id(), true);
        for (int attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
            JsonObject change = Json.createObjectBuilder().add("content", appended(current.content(), args.text())).build();
            switch (api.update(args.id(), change, Etag.parse(current.etag()))) {
                case NotesApi.Update.Saved saved -> {
                    return new AppendedNote(saved.note().view(), attempt);
                }
                // the 412 body is the current note: append to that, no extra read needed
                case NotesApi.Update.Conflict conflict -> current = conflict.note();
                case NotesApi.Update.Locked locked -> {
                    pause(attempt);
                    current = api.get(args.id(), true);
                }
            }
        }
        throw ToolException.conflict("Gave up appending to note " + args.id() + " after " + MAX_APPEND_ATTEMPTS
                + " attempts because it kept changing concurrently; nothing was appended. Try again later.",
                RecordJson.of(current.view()));
    }

    static String appended(String content, String text) {
        if (content == null || content.isEmpty()) {
            return text;
        }
        return content.endsWith("\n") ? content + text : content + "\n" + text;
    }

    /** A locked note is being written right now; give that write a moment (50, 100, 200… ms). */
    private static void pause(int attempt) throws ToolException {
        try {
            Thread.sleep(50L << Math.min(attempt - 1, 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(ToolException.Kind.UNAVAILABLE, "Interrupted while waiting for a locked note");
        }
    }

    // ---- nc_notes_get_attachment

    record GetAttachment(@Description("Id of the note that links to the file") @Range(min = 1) long id,
                         @Description("The path as written in the note's link, relative to the note, e.g. "
                                 + "'.attachments.123/photo.png'") @Length(min = 1) String path) {
    }

    Reply<Attachment> getAttachment(GetAttachment args, ToolInvocation call) throws ToolException {
        List<String> relative = AttachmentPath.segments(args.path()); // reject escaping paths before any request
        Note note = api(call).get(args.id(), false);
        if (note.internalPath() == null || note.internalPath().isEmpty()) {
            throw ToolException.upstream("Nextcloud Notes did not say where note " + note.id() + " is stored");
        }
        String davPath = AttachmentPath.davPath(call.nextcloud().filesRoot(), AttachmentPath.folderOf(note.internalPath()),
                relative);
        Download file = Download.read(call.nextcloud(), davPath, MAX_ATTACHMENT_BYTES, "Attachment '" + args.path() + "'")
                .orElseThrow(() -> ToolException.notFound("Note " + args.id() + " has no attachment '" + args.path()
                        + "'. Use the path exactly as it appears in the note's markdown link."));
        Optional<String> text = FileContent.text(file.mimeType(), file.bytes());
        AttachmentKind kind = text.isPresent() ? AttachmentKind.TEXT
                : file.mimeType().startsWith("image/") ? AttachmentKind.IMAGE : AttachmentKind.BINARY;
        Content content = switch (kind) {
            case TEXT -> new Content.Text(text.orElseThrow());
            case IMAGE -> FileContent.image(file.mimeType(), file.bytes());
            case BINARY -> FileContent.blob(call.nextcloud().baseUrl() + davPath, file.mimeType(), file.bytes());
        };
        return Reply.of(new Attachment(args.id(), args.path(), file.mimeType(), file.bytes().length, kind), content);
    }

    // ---- rules the schema cannot state

    /** Categories are folder paths; Nextcloud stores them without leading or trailing slashes. */
    private static Optional<String> category(Optional<String> category) {
        return category.map(value -> value.strip().replaceAll("^/+|/+$", ""));
    }

    private static String checkedTitle(String title) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("'title' must not be blank");
        }
        if (title.contains("/")) {
            throw new IllegalArgumentException("'title' must not contain '/': it is the note's file name. "
                    + "Use 'category' for folders.");
        }
        return title.strip();
    }
}
