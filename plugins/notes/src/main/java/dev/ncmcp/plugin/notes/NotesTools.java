package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.notes.NotesPlugin.READ;
import static dev.ncmcp.plugin.notes.NotesPlugin.WRITE;

/** The Notes tools: one handler per tool, each with its input schema beside it. */
final class NotesTools {

    static final int MAX_APPEND_ATTEMPTS = 5;

    /** The summary fields shared by several output schemas (spliced into the text blocks below). */
    private static final String NOTE_SUMMARY_PROPERTIES = """
            "id": {"type": "integer", "description": "Note id; pass it to the other nc_notes_ tools"},
            "title": {"type": "string", "description": "Note title (also the file name)"},
            "category": {"type": "string", "description": "Category, a '/'-separated folder path; empty for none"},
            "favorite": {"type": "boolean", "description": "Whether the note is starred"},
            "modified": {"type": "string", "format": "date-time", "description": "Last change, ISO-8601 UTC"},
            "etag": {"type": "string", "description": "Version tag; pass it to nc_notes_update_note to avoid overwriting newer changes"}""";

    private static final String NOTE_PROPERTIES = NOTE_SUMMARY_PROPERTIES + """
            ,
            "readonly": {"type": "boolean", "description": "Whether the note is read-only for this user (a read-only share)"},
            "content": {"type": "string", "description": "The full markdown text of the note"}""";

    private static final String NOTE_REQUIRED = """
            ["id", "title", "category", "favorite", "modified", "etag", "readonly", "content"]""";

    private static final String NOTE_OUTPUT = """
            {"type": "object", "properties": {%s}, "required": %s}
            """.formatted(NOTE_PROPERTIES, NOTE_REQUIRED);

    List<ToolDefinition> definitions() {
        return List.of(
                ToolDefinition.builder("nc_notes_list_notes")
                        .title("List notes")
                        .description("""
                                Lists the user's Nextcloud notes, most recently modified first, and returns for \
                                each (without the content) its id, title, category, favorite, modified (ISO-8601) and etag. Use it to \
                                browse or find a note id; use nc_notes_search_notes to find notes by words and \
                                nc_notes_get_note to read one.""")
                        .inputSchema(LIST_SCHEMA)
                        .outputSchema(LIST_OUTPUT)
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .handler(this::listNotes)
                        .build(),
                ToolDefinition.builder("nc_notes_search_notes")
                        .title("Search notes")
                        .description("""
                                Searches the user's notes by title and content and returns the best matches \
                                first: id, title, category, a relevance score and a short snippet around the \
                                first match. Title matches rank above content matches, the exact phrase above \
                                all words, all words above some; recent notes win ties. Read a hit in full \
                                with nc_notes_get_note.""")
                        .inputSchema(SEARCH_SCHEMA)
                        .outputSchema(SEARCH_OUTPUT)
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .handler(this::searchNotes)
                        .build(),
                ToolDefinition.builder("nc_notes_get_note")
                        .title("Get note")
                        .description("""
                                Returns one note in full: title, category, favorite, modified, the markdown \
                                content and its etag. Keep the etag: nc_notes_update_note uses it to make sure \
                                nobody changed the note in between.""")
                        .inputSchema(ID_SCHEMA)
                        .outputSchema(NOTE_OUTPUT)
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .handler(this::getNote)
                        .build(),
                ToolDefinition.builder("nc_notes_create_note")
                        .title("Create note")
                        .description("""
                                Creates a new note and returns it with its id and etag. If a note with the same \
                                title exists in the category, Nextcloud appends a number such as " (2)" to the \
                                title. Use nc_notes_append_to_note to add to an existing note instead.""")
                        .inputSchema(CREATE_SCHEMA)
                        .outputSchema(NOTE_OUTPUT)
                        .annotations(ToolAnnotations.ADDITIVE)
                        .requires(WRITE)
                        .handler(this::createNote)
                        .build(),
                ToolDefinition.builder("nc_notes_update_note")
                        .title("Update note")
                        .description("""
                                Changes a note's title, content (replaced as a whole), category or favorite flag \
                                and returns the saved note with its new etag. Pass the etag from \
                                nc_notes_get_note: if the note changed since, nothing is saved and a CONFLICT \
                                error returns the current note, which you should re-read and merge. To add text \
                                at the end, prefer nc_notes_append_to_note.""")
                        .inputSchema(UPDATE_SCHEMA)
                        .outputSchema(NOTE_OUTPUT)
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE)
                        .requires(WRITE)
                        .handler(this::updateNote)
                        .build(),
                ToolDefinition.builder("nc_notes_append_to_note")
                        .title("Append to note")
                        .description("""
                                Appends text to the end of a note on a new line, safely against concurrent \
                                edits (it re-reads and retries when the note changes meanwhile), and returns \
                                the saved note. Use it for logs, to-do items and journal entries.""")
                        .inputSchema(APPEND_SCHEMA)
                        .outputSchema(APPEND_OUTPUT)
                        .annotations(ToolAnnotations.ADDITIVE)
                        .requires(WRITE)
                        .handler(this::appendToNote)
                        .build(),
                ToolDefinition.builder("nc_notes_delete_note")
                        .title("Delete note")
                        .description("""
                                Deletes a note (its file goes to the Nextcloud trash bin). Confirm with the user \
                                first; returns the id of the deleted note.""")
                        .inputSchema(ID_SCHEMA)
                        .outputSchema(DELETE_OUTPUT)
                        .annotations(ToolAnnotations.DESTRUCTIVE)
                        .requires(WRITE)
                        .handler(this::deleteNote)
                        .build(),
                ToolDefinition.builder("nc_notes_get_attachment")
                        .title("Get note attachment")
                        .description("""
                                Reads a file a note links to, such as an image in ![x](.attachments.123/photo.png): \
                                pass the note id and the path exactly as written in the link. Returns text files \
                                as text, images as images and other files as an embedded binary resource, up to \
                                5 MiB.""")
                        .inputSchema(ATTACHMENT_SCHEMA)
                        .outputSchema(ATTACHMENT_OUTPUT)
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .handler(this::getAttachment)
                        .build());
    }

    // ---- nc_notes_list_notes

    private static final String LIST_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "category": {"type": "string", "description": "Only notes in exactly this category, e.g. 'Work/Projects'; '' for notes without a category"},
                "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100, "description": "Maximum number of notes to return"}
              },
              "additionalProperties": false
            }
            """;

    private static final String LIST_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "notes": {"type": "array", "description": "The notes, most recently modified first",
                  "items": {"type": "object", "properties": {%s},
                            "required": ["id", "title", "category", "favorite", "modified", "etag"]}},
                "total": {"type": "integer", "description": "Number of matching notes before the limit"},
                "truncated": {"type": "boolean", "description": "True when more notes matched than were returned"}
              },
              "required": ["notes", "total", "truncated"]
            }
            """.formatted(NOTE_SUMMARY_PROPERTIES);

    ToolResult listNotes(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        int limit = limit(args, 100, 1000);
        List<Note> notes = new NotesApi(invocation.nextcloud()).list(category(args).orElse(null), false).stream()
                .sorted(Comparator.comparingLong(Note::modified).reversed().thenComparing(Comparator.comparingLong(Note::id).reversed()))
                .toList();
        JsonArrayBuilder items = Json.createArrayBuilder();
        notes.stream().limit(limit).forEach(note -> items.add(note.summaryJson()));
        return ToolResult.structured(Json.createObjectBuilder()
                .add("notes", items)
                .add("total", notes.size())
                .add("truncated", notes.size() > limit)
                .build());
    }

    // ---- nc_notes_search_notes

    private static final String SEARCH_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "query": {"type": "string", "minLength": 1, "description": "Words or a phrase to look for in titles and content (case-insensitive)"},
                "category": {"type": "string", "description": "Only search notes in exactly this category"},
                "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "Maximum number of results"}
              },
              "required": ["query"],
              "additionalProperties": false
            }
            """;

    private static final String SEARCH_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "results": {"type": "array", "description": "Matching notes, best first",
                  "items": {"type": "object", "properties": {
                    "id": {"type": "integer", "description": "Note id"},
                    "title": {"type": "string", "description": "Note title"},
                    "category": {"type": "string", "description": "Note category"},
                    "modified": {"type": "string", "format": "date-time", "description": "Last change, ISO-8601 UTC"},
                    "score": {"type": "number", "description": "Relevance, higher is better (title matches count three times)"},
                    "snippet": {"type": "string", "description": "Content around the first match"}
                  }, "required": ["id", "title", "category", "modified", "score", "snippet"]}},
                "total": {"type": "integer", "description": "Number of matching notes before the limit"}
              },
              "required": ["results", "total"]
            }
            """;

    ToolResult searchNotes(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        NoteSearch search = new NoteSearch(args.string("query"));
        if (search.isEmpty()) {
            throw ToolException.invalidArgument("'query' must contain at least one word");
        }
        int limit = limit(args, 10, 50);
        List<Note> notes = new NotesApi(invocation.nextcloud()).list(category(args).orElse(null), true);
        List<NoteSearch.Hit> all = search.rank(notes, Integer.MAX_VALUE);
        JsonArrayBuilder results = Json.createArrayBuilder();
        all.stream().limit(limit).forEach(hit -> results.add(Json.createObjectBuilder()
                .add("id", hit.note().id())
                .add("title", hit.note().title())
                .add("category", hit.note().category())
                .add("modified", hit.note().modifiedIso())
                .add("score", hit.score())
                .add("snippet", hit.snippet())));
        return ToolResult.structured(Json.createObjectBuilder()
                .add("results", results)
                .add("total", all.size())
                .build());
    }

    // ---- nc_notes_get_note, nc_notes_delete_note

    private static final String ID_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "integer", "minimum": 1, "description": "Note id, from nc_notes_list_notes or nc_notes_search_notes"}
              },
              "required": ["id"],
              "additionalProperties": false
            }
            """;

    ToolResult getNote(ToolInvocation invocation) throws ToolException {
        Note note = new NotesApi(invocation.nextcloud()).get(id(invocation.arguments()), true);
        return ToolResult.structured(note.fullJson());
    }

    private static final String DELETE_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "integer", "description": "Id of the deleted note"},
                "deleted": {"type": "boolean", "description": "Always true"}
              },
              "required": ["id", "deleted"]
            }
            """;

    ToolResult deleteNote(ToolInvocation invocation) throws ToolException {
        long id = id(invocation.arguments());
        new NotesApi(invocation.nextcloud()).delete(id);
        return ToolResult.structured(Json.createObjectBuilder().add("id", id).add("deleted", true).build(),
                "Deleted note " + id + ".");
    }

    // ---- nc_notes_create_note

    private static final String CREATE_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "title": {"type": "string", "minLength": 1, "description": "Title of the new note; '/' is not allowed"},
                "content": {"type": "string", "default": "", "description": "Markdown text of the note"},
                "category": {"type": "string", "default": "", "description": "Category ('/'-separated folder path such as 'Work/Projects'); created if missing"},
                "favorite": {"type": "boolean", "default": false, "description": "Star the note"}
              },
              "required": ["title"],
              "additionalProperties": false
            }
            """;

    ToolResult createNote(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        JsonObject fields = Json.createObjectBuilder()
                .add("title", title(args.string("title")))
                .add("content", args.optionalString("content").orElse(""))
                .add("category", category(args).orElse(""))
                .add("favorite", args.bool("favorite", false))
                .build();
        return ToolResult.structured(new NotesApi(invocation.nextcloud()).create(fields).fullJson());
    }

    // ---- nc_notes_update_note

    private static final String UPDATE_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "integer", "minimum": 1, "description": "Note id"},
                "title": {"type": "string", "minLength": 1, "description": "New title"},
                "content": {"type": "string", "description": "New markdown content; replaces the whole content"},
                "category": {"type": "string", "description": "New category ('' for none); moves the note"},
                "favorite": {"type": "boolean", "description": "Star or unstar the note"},
                "etag": {"type": "string", "description": "The etag from nc_notes_get_note; when given, the update fails with CONFLICT instead of overwriting a newer version"}
              },
              "required": ["id"],
              "additionalProperties": false
            }
            """;

    ToolResult updateNote(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        long id = id(args);
        JsonObjectBuilder fields = Json.createObjectBuilder();
        if (args.has("title")) {
            fields.add("title", title(args.string("title")));
        }
        args.optionalString("content").ifPresent(content -> fields.add("content", content));
        Optional<String> category = category(args);
        category.ifPresent(value -> fields.add("category", value));
        if (args.has("favorite")) {
            fields.add("favorite", args.bool("favorite", false));
        }
        JsonObject changes = fields.build();
        if (changes.isEmpty()) {
            throw ToolException.invalidArgument("Nothing to update: give at least one of title, content, category, favorite");
        }
        String etag = args.optionalString("etag").filter(value -> !value.isBlank()).orElse(null);
        NotesApi.Update outcome = new NotesApi(invocation.nextcloud()).update(id, changes, etag);
        if (outcome instanceof NotesApi.Update.Conflict conflict) {
            throw ToolException.conflict("Note " + id + " changed since it was read (etag " + etag + " is stale; "
                    + "the current etag is " + conflict.note().etag() + "). Nothing was saved. The current note is "
                    + "in the error details: re-read it with nc_notes_get_note, merge your change into its content "
                    + "and update again with the new etag.", conflict.note().fullJson());
        }
        return ToolResult.structured(outcome.note().fullJson());
    }

    // ---- nc_notes_append_to_note

    private static final String APPEND_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "integer", "minimum": 1, "description": "Note id"},
                "text": {"type": "string", "minLength": 1, "description": "Markdown text to add at the end, on a new line"}
              },
              "required": ["id", "text"],
              "additionalProperties": false
            }
            """;

    private static final String APPEND_OUTPUT = """
            {"type": "object", "properties": {%s,
              "attempts": {"type": "integer", "description": "How many writes it took (more than 1 when the note changed concurrently)"}},
             "required": %s}
            """.formatted(NOTE_PROPERTIES, NOTE_REQUIRED.replace("]", ", \"attempts\"]"));

    ToolResult appendToNote(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        long id = id(args);
        String text = args.string("text");
        if (text.isEmpty()) {
            throw ToolException.invalidArgument("'text' must not be empty");
        }
        NotesApi api = new NotesApi(invocation.nextcloud());
        Note current = api.get(id, true);
        for (int attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
            JsonObject change = Json.createObjectBuilder().add("content", appended(current.content(), text)).build();
            NotesApi.Update outcome = api.update(id, change, current.etag());
            if (outcome instanceof NotesApi.Update.Saved saved) {
                JsonObjectBuilder result = Json.createObjectBuilder(saved.note().fullJson()).add("attempts", attempt);
                return ToolResult.structured(result.build());
            }
            // The 412 body is the current note: append to that, no extra read needed.
            current = outcome.note();
        }
        throw ToolException.conflict("Gave up appending to note " + id + " after " + MAX_APPEND_ATTEMPTS
                + " attempts because it kept changing concurrently; nothing was appended. Try again later.",
                current.fullJson());
    }

    static String appended(String content, String text) {
        if (content == null || content.isEmpty()) {
            return text;
        }
        return content.endsWith("\n") ? content + text : content + "\n" + text;
    }

    // ---- nc_notes_get_attachment

    private static final String ATTACHMENT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "id": {"type": "integer", "minimum": 1, "description": "Id of the note that links to the file"},
                "path": {"type": "string", "minLength": 1, "description": "The path as written in the note's link, relative to the note, e.g. '.attachments.123/photo.png'"}
              },
              "required": ["id", "path"],
              "additionalProperties": false
            }
            """;

    private static final String ATTACHMENT_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "noteId": {"type": "integer", "description": "The note the attachment belongs to"},
                "path": {"type": "string", "description": "The requested path"},
                "mimeType": {"type": "string", "description": "Media type of the file"},
                "size": {"type": "integer", "description": "Size in bytes"},
                "kind": {"type": "string", "enum": ["text", "image", "binary"], "description": "How the file is returned: as text, as an image or as an embedded binary resource"}
              },
              "required": ["noteId", "path", "mimeType", "size", "kind"]
            }
            """;

    ToolResult getAttachment(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        long id = id(args);
        String path = args.string("path");
        AttachmentPath.segments(path); // reject escaping paths before any request
        Note note = new NotesApi(invocation.nextcloud()).get(id, false);
        NoteFiles.File file = new NoteFiles(invocation.nextcloud()).read(note, path);

        String kind;
        Content content;
        Optional<String> text = isTextual(file.mimeType()) ? utf8(file.bytes()) : Optional.empty();
        if (text.isPresent()) {
            kind = "text";
            content = new Content.Text(text.get());
        } else if (file.mimeType().startsWith("image/")) {
            kind = "image";
            content = new Content.Image(Base64.getEncoder().encodeToString(file.bytes()), file.mimeType());
        } else {
            kind = "binary";
            content = new Content.EmbeddedResource(new ResourceContents.Blob(
                    invocation.nextcloud().baseUrl() + file.davPath(), file.mimeType(),
                    Base64.getEncoder().encodeToString(file.bytes())));
        }
        JsonObject structured = Json.createObjectBuilder()
                .add("noteId", id)
                .add("path", path)
                .add("mimeType", file.mimeType())
                .add("size", file.bytes().length)
                .add("kind", kind)
                .build();
        return ToolResult.structured(structured, List.of(content));
    }

    static boolean isTextual(String mime) {
        return mime.startsWith("text/") || mime.equals("image/svg+xml") || mime.endsWith("+json") || mime.endsWith("+xml")
                || List.of("application/json", "application/xml", "application/javascript", "application/yaml",
                "application/x-yaml", "application/csv").contains(mime);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    // ---- argument helpers

    private static long id(Arguments args) throws ToolException {
        long id = args.integer("id");
        if (id < 1) {
            throw ToolException.invalidArgument("'id' must be a positive note id, was " + id);
        }
        return id;
    }

    private static int limit(Arguments args, int defaultLimit, int max) throws ToolException {
        long limit = args.optionalInteger("limit").orElse((long) defaultLimit);
        if (limit < 1 || limit > max) {
            throw ToolException.invalidArgument("'limit' must be between 1 and " + max + ", was " + limit);
        }
        return (int) limit;
    }

    /** Categories are folder paths; Nextcloud stores them without leading or trailing slashes. */
    private static Optional<String> category(Arguments args) throws ToolException {
        return args.optionalString("category").map(value -> value.strip().replaceAll("^/+|/+$", ""));
    }

    private static String title(String title) throws ToolException {
        if (title.isBlank()) {
            throw ToolException.invalidArgument("'title' must not be blank");
        }
        if (title.contains("/")) {
            throw ToolException.invalidArgument("'title' must not contain '/': it is the note's file name. "
                    + "Use 'category' for folders.");
        }
        return title.strip();
    }
}
