package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.JsonValue;

import java.util.Set;

/**
 * POST, PUT and DELETE of notes. A PUT that changes the note's file and a DELETE hold the note's
 * lock ({@link LockedWrite}); creating a note and changing only the favorite flag do not.
 */
final class NoteWrites {
    private final NotesStorage storage;
    private final LockedWrite locked;

    NoteWrites(NotesStorage storage, LockedWrite locked) {
        this.storage = storage;
        this.locked = locked;
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
        Change change = new Change(RequestFields.of(request), request.header("If-Match").orElse(null));
        return locked.retryIfLocked(() -> {
            boolean needsLock = storage.with(user, store -> {
                Note note = store.byId(id).orElseThrow(NotesException::noteDoesNotExist);
                return !change.stale(note) && change.changesFile(store, note);
            });
            return needsLock
                    ? locked.holding(user, id, () -> storage.with(user, store -> change.apply(store, id)))
                    : storage.with(user, store -> change.apply(store, id));
        });
    }

    SimResponse delete(String user, long id) {
        return locked.retryIfLocked(() -> {
            storage.with(user, store -> store.byId(id).orElseThrow(NotesException::noteDoesNotExist));
            return locked.holding(user, id, () -> storage.with(user, store -> {
                store.delete(store.byId(id).orElseThrow(NotesException::noteDoesNotExist));
                return SimResponse.json(200, JsonValue.EMPTY_JSON_ARRAY);
            }));
        });
    }

    /** The fields of a PUT and its If-Match. */
    private record Change(RequestFields fields, String ifMatch) {

        boolean stale(Note note) {
            return ifMatch != null && !NotesAnswers.etagMatches(ifMatch, note.etag());
        }

        boolean changesFile(NoteStore store, Note note) {
            return store.changesFile(note, fields.string("title"), fields.string("content"), fields.string("category"),
                                     fields.number("modified"));
        }

        /** {@code Helper::getNoteWithETagCheck} (a stale If-Match answers the current note with 412), then the update. */
        SimResponse apply(NoteStore store, long id) {
            Note note = store.byId(id).orElseThrow(NotesException::noteDoesNotExist);
            if (stale(note)) {
                return SimResponse.json(412, note.toJson(Set.of()));
            }
            Note updated = store.update(note, fields.string("title"), fields.string("content"),
                                        fields.string("category"), fields.bool("favorite"), fields.number("modified"));
            return SimResponse.json(200, updated.toJson(Set.of()));
        }
    }
}
