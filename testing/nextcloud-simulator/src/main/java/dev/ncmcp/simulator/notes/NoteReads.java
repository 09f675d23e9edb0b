package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.Hashes;
import dev.ncmcp.simulator.PhpJson;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.files.FileTree;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GET of the note list (exclude, category, pruneBefore, chunks, If-None-Match) and of one note.
 */
final class NoteReads {
    private final NotesStorage storage;

    NoteReads(NotesStorage storage) {
        this.storage = storage;
    }

    SimResponse list(SimRequest request, String user) {
        return storage.with(user, store -> list(request, store));
    }

    SimResponse get(SimRequest request, String user, long id) {
        return storage.with(user, store -> store.byId(id)
                .map(note -> SimResponse.json(200, note.toJson(excludes(request)))
                        .header("ETag", "\"" + note.etag() + "\""))
                .orElseThrow(NotesException::noteDoesNotExist));
    }

    private static SimResponse list(SimRequest request, NoteStore store) {
        Set<String> exclude = excludes(request);
        String category = request.queryParam("category").orElse(null);
        long pruneBefore = longParam(request, "pruneBefore", 0);
        int chunkSize = (int) longParam(request, "chunkSize", 0);
        ChunkCursor cursor = request.queryParam("chunkCursor").map(ChunkCursor::parse).orElse(null);

        List<Note> notes = new ArrayList<>();
        for (Note note : store.all()) {
            if (category == null || note.category().equals(NoteStore.sanitizeCategory(category))) {
                notes.add(note);
            }
        }
        if (cursor != null) {
            notes.removeIf(n -> !cursor.isBefore(n));
        }
        List<Note> page = notes;
        ChunkCursor next = null;
        int pending = 0;
        if (chunkSize > 0 && notes.size() > chunkSize) {
            page = notes.subList(0, chunkSize);
            Note last = page.getLast();
            long start = cursor != null ? cursor.start() : FileTree.now();
            next = new ChunkCursor(start, last.modified(), last.id());
            pending = notes.size() - chunkSize;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Note note : page) {
            if (pruneBefore > 0 && note.modified() < pruneBefore) {
                array.add(Json.createObjectBuilder().add("id", note.id()));
            } else {
                array.add(note.toJson(exclude));
            }
        }
        JsonArray body = array.build();
        String etag = "\"" + Hashes.md5(PhpJson.encode(body)) + "\"";
        if (request.header("If-None-Match").map(etag::equals).orElse(false)) {
            return SimResponse.status(304).header("Content-Type", SimResponse.JSON).header("ETag", etag);
        }
        SimResponse response = SimResponse.json(200, body).header("ETag", etag);
        if (next != null) {
            response.header("X-Notes-Chunk-Cursor", next.toString())
                    .header("X-Notes-Chunk-Pending", Integer.toString(pending));
        }
        return response;
    }

    private static Set<String> excludes(SimRequest request) {
        return request.queryParam("exclude")
                .map(s -> (Set<String>) new HashSet<>(Arrays.asList(s.split(","))))
                .orElse(Set.of());
    }

    private static long longParam(SimRequest request, String name, long fallback) {
        try {
            return request.queryParam(name).map(String::trim).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
