package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Notes API v1 calls, with Nextcloud's answers mapped to notes or to errors a model can act on. */
final class NotesApi {

    static final String BASE = "/index.php/apps/notes/api/v1";

    private final NextcloudClient client;

    NotesApi(NextcloudClient client) {
        this.client = client;
    }

    /** The outcome of a conditional update: saved, or refused because the note changed or was locked meanwhile. */
    sealed interface Update {
        record Saved(Note note) implements Update {
        }

        /** The note changed since the etag was read; Notes answers with the current note. */
        record Conflict(Note note) implements Update {
        }

        /** Another write to the note is running (Notes answers 423). */
        record Locked() implements Update {
        }
    }

    List<Note> list(Optional<String> category, boolean withContent) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.get(BASE + "/notes").header("Accept", "application/json");
        category.ifPresent(value -> request.query("category", value));
        if (!withContent) {
            request.query("exclude", "content");
        }
        if (!(send(request.build(), null).json() instanceof JsonArray array)) {
            throw ToolException.upstream("Nextcloud Notes answered the note list with something that is not a list");
        }
        List<Note> notes = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            notes.add(Note.parse(value));
        }
        return notes;
    }

    Note get(long id, boolean withContent) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.get(BASE + "/notes/" + id).header("Accept", "application/json");
        if (!withContent) {
            request.query("exclude", "content");
        }
        return Note.parse(send(request.build(), id).json());
    }

    Note create(JsonObject fields) throws ToolException {
        return Note.parse(send(NextcloudRequest.post(BASE + "/notes").json(fields).build(), null).json());
    }

    /** PUT with {@code If-Match} when an etag is given; a 412 carrying a note and a 423 are outcomes, not errors. */
    Update update(long id, JsonObject fields, Optional<Etag> etag) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.put(BASE + "/notes/" + id).json(fields);
        etag.ifPresent(tag -> request.header("If-Match", tag.strongHeader()));
        NextcloudResponse response = client.send(request.build());
        if (response.status() == 412 && isNote(response)) {
            return new Update.Conflict(Note.parse(response.json()));
        }
        if (response.status() == 423) {
            return new Update.Locked();
        }
        return new Update.Saved(Note.parse(check(response, id).json()));
    }

    void delete(long id) throws ToolException {
        send(NextcloudRequest.delete(BASE + "/notes/" + id).build(), id);
    }

    JsonObject settings() throws ToolException {
        NextcloudRequest request = NextcloudRequest.get(BASE + "/settings").header("Accept", "application/json").build();
        if (!(send(request, null).json() instanceof JsonObject settings)) {
            throw ToolException.upstream("Nextcloud Notes answered the settings request with something that is not an object");
        }
        return settings;
    }

    private NextcloudResponse send(NextcloudRequest request, Long id) throws ToolException {
        return check(client.send(request), id);
    }

    /** Notes' own answers first (app disabled or missing, unknown id); everything else is the common mapping. */
    static NextcloudResponse check(NextcloudResponse response, Long id) throws ToolException {
        return Answer.of(response)
                .about(id == null ? "the notes" : "note " + id)
                .on(412, refusal -> refusal.says("not enabled") ? ToolException.permissionDenied("The Notes app is "
                        + "not enabled for this Nextcloud user. Ask the Nextcloud administrator to enable Notes for you.")
                        : null)
                .on(404, refusal -> id != null && isJson(response)
                        ? ToolException.notFound("Note " + id + " does not exist (it may have been deleted). "
                        + "Use nc_notes_list_notes or nc_notes_search_notes to find the right id.")
                        : ToolException.notFound("The Notes app is not installed on this Nextcloud."))
                .on(400, refusal -> id == null ? null : ToolException.invalidArgument("Nextcloud Notes rejected the "
                        + "note id " + id + "; note ids are the positive integers returned by nc_notes_list_notes."))
                .on(409, NotesApi::unexpected)
                .expect(200, 201);
    }

    /** Notes never answers 409: it would be an upstream surprise, not a conflict the model can resolve. */
    private static ToolException unexpected(Refusal refusal) {
        return ToolException.upstream("Nextcloud Notes answered HTTP " + refusal.status() + " unexpectedly.");
    }

    private static boolean isNote(NextcloudResponse response) {
        try {
            return isJson(response) && response.json() instanceof JsonObject json && json.containsKey("id");
        } catch (ToolException e) {
            return false;
        }
    }

    private static boolean isJson(NextcloudResponse response) {
        return response.header("Content-Type").map(type -> type.contains("json"))
                .orElseGet(() -> response.body().length > 0 && (response.body()[0] == '{' || response.body()[0] == '['));
    }
}
