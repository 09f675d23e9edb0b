package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** The Notes API v1 calls, with Nextcloud's answers mapped to notes or to errors a model can act on. */
final class NotesApi {

    static final String BASE = "/index.php/apps/notes/api/v1";

    private final NextcloudClient client;

    NotesApi(NextcloudClient client) {
        this.client = client;
    }

    /** The outcome of a conditional update: saved, or refused because the note changed meanwhile. */
    sealed interface Update {
        Note note();

        record Saved(Note note) implements Update {
        }

        record Conflict(Note note) implements Update {
        }
    }

    List<Note> list(String category, boolean withContent) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.get(BASE + "/notes").header("Accept", "application/json");
        if (category != null) {
            request.query("category", category);
        }
        if (!withContent) {
            request.query("exclude", "content");
        }
        NextcloudResponse response = send(request.build(), null);
        if (!(response.json() instanceof JsonArray array)) {
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

    /** PUT with {@code If-Match} when an etag is given; a 412 carrying a note is a conflict, not an error. */
    Update update(long id, JsonObject fields, String etag) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.put(BASE + "/notes/" + id).json(fields);
        if (etag != null) {
            request.header("If-Match", quoted(etag));
        }
        NextcloudResponse response = client.send(request.build());
        if (response.status() == 412 && looksLikeNote(response)) {
            return new Update.Conflict(Note.parse(response.json()));
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

    /** Maps every non-2xx answer; 401 and 5xx never get here (the client throws them). */
    static NextcloudResponse check(NextcloudResponse response, Long id) throws ToolException {
        if (response.isSuccess()) {
            return response;
        }
        int status = response.status();
        if (status == 412 && message(response).contains("not enabled")) {
            throw ToolException.permissionDenied("The Notes app is not enabled for this Nextcloud user. "
                    + "Ask the Nextcloud administrator to enable Notes for you.");
        }
        if (status == 404 && id != null && isJson(response)) {
            throw ToolException.notFound("Note " + id + " does not exist (it may have been deleted). "
                    + "Use nc_notes_list_notes or nc_notes_search_notes to find the right id.");
        }
        if (status == 404) {
            throw ToolException.notFound("The Notes app is not installed on this Nextcloud.");
        }
        if (status == 400 && id != null) {
            throw ToolException.invalidArgument("Nextcloud Notes rejected the note id " + id
                    + "; note ids are the positive integers returned by nc_notes_list_notes.");
        }
        if (status == 403) {
            throw ToolException.permissionDenied("Nextcloud refused access to this note (HTTP 403).");
        }
        throw ToolException.upstream("Nextcloud Notes answered HTTP " + status + " unexpectedly.");
    }

    static String quoted(String etag) {
        String bare = etag.strip();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return "\"" + bare + "\"";
    }

    private static boolean looksLikeNote(NextcloudResponse response) {
        try {
            return isJson(response) && response.json() instanceof JsonObject json && json.containsKey("id");
        } catch (NextcloudException e) {
            return false;
        }
    }

    private static String message(NextcloudResponse response) {
        try {
            if (isJson(response) && response.json() instanceof JsonObject json
                    && json.get("message") instanceof JsonString message) {
                return message.getString();
            }
        } catch (NextcloudException e) {
            // not JSON: no message
        }
        return "";
    }

    private static boolean isJson(NextcloudResponse response) {
        return response.header("Content-Type").map(type -> type.contains("json"))
                .orElseGet(() -> response.body().length > 0 && (response.body()[0] == '{' || response.body()[0] == '['));
    }
}
