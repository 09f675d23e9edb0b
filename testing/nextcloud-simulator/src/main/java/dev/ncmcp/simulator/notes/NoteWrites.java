package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.JsonValue;

import java.util.Set;

/**
 * POST, PUT and DELETE of notes.
 */
final class NoteWrites {
    private final NotesStorage storage;

    NoteWrites(NotesStorage storage) {
        this.storage = storage;
    }

    SimResponse create(SimRequest request, String user) {
        RequestFields fields = RequestFields.of(request);
        return storage.with(user, store -> {
            Note note = store.create(fields.string("title"),
                                     fields.has("content") ? fields.string("content") : "",
                                     fields.string("category"),
                                     Boolean.TRUE.equals(fields.bool("favorite")),
                                     fields.number("modified"));
            return SimResponse.json(200, note.toJson(Set.of()));
        });
    }

    SimResponse update(SimRequest request, String user, long id) {
        RequestFields fields = RequestFields.of(request);
        return storage.with(user, store -> {
            Note note = store.byId(id).orElseThrow(NotesException::noteDoesNotExist);
            String ifMatch = request.header("If-Match").orElse(null);
            if (ifMatch != null && !NotesAnswers.etagMatches(ifMatch, note.etag())) {
                return SimResponse.json(412, note.toJson(Set.of()));
            }
            Note updated = store.update(note, fields.string("title"), fields.string("content"),
                                        fields.string("category"), fields.bool("favorite"), fields.number("modified"));
            return SimResponse.json(200, updated.toJson(Set.of()));
        });
    }

    SimResponse delete(String user, long id) {
        return storage.with(user, store -> {
            store.delete(store.byId(id).orElseThrow(NotesException::noteDoesNotExist));
            return SimResponse.json(200, JsonValue.EMPTY_JSON_ARRAY);
        });
    }
}
