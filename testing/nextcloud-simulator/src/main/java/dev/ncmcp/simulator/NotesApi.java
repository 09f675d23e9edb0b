package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Notes app REST API ({@code /index.php/apps/notes/api/<version>/...}), versions 0.2 and 1.x.
 */
final class NotesApi {
    static final String PREFIX = "/index.php/apps/notes/api/";
    private static final String API_VERSIONS = "0.2, 1.3, 1.4";
    private static final JsonObject NOT_FOUND = Json.createObjectBuilder()
            .add("errorType", "OCA\\Notes\\Service\\NoteDoesNotExistException").build();

    private final Storage storage;
    private final BasicAuth auth;
    private final Accounts accounts;

    NotesApi(Storage storage, BasicAuth auth, Accounts accounts) {
        this.storage = storage;
        this.auth = auth;
        this.accounts = accounts;
    }

    SimResponse handle(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (who.kind() == BasicAuth.Kind.ANONYMOUS) {
            return SimResponse.json(401, message("CORS requires basic auth"));
        }
        if (!who.ok()) {
            return SimResponse.json(401, message(""));
        }
        if (who.bearer() && request.header("OCS-APIREQUEST").filter("true"::equalsIgnoreCase).isEmpty()) {
            // Nextcloud 31 answers Bearer requests to app routes like this unless the OCS header is sent
            return SimResponse.json(401, message("CORS requires basic auth"));
        }
        if (!accounts.notesEnabled(who.user())) {
            return SimResponse.json(412, message("App is not enabled"));
        }
        return route(request, who.user()).header("X-Notes-API-Versions", API_VERSIONS);
    }

    private SimResponse route(SimRequest request, String user) {
        List<String> parts = FileTree.segments(request.path().substring(PREFIX.length()));
        if (parts.isEmpty() || !(parts.getFirst().equals("v1") || parts.getFirst().equals("v0.2"))) {
            return badRequest();
        }
        List<String> rest = parts.subList(1, parts.size());
        String method = request.method();
        if (rest.size() == 1 && rest.getFirst().equals("notes")) {
            return switch (method) {
                case "GET" -> storage.with(user, data -> list(request, new NoteStore(data)));
                case "POST" -> storage.with(user, data -> create(request, new NoteStore(data)));
                default -> methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.getFirst().equals("notes")) {
            if (!rest.get(1).matches("\\d{1,18}")) {
                return badRequest();
            }
            long id = Long.parseLong(rest.get(1));
            return switch (method) {
                case "GET" -> storage.with(user, data -> get(request, new NoteStore(data), id));
                case "PUT" -> storage.with(user, data -> update(request, new NoteStore(data), id));
                case "DELETE" -> storage.with(user, data -> delete(new NoteStore(data), id));
                default -> methodNotAllowed();
            };
        }
        if (rest.size() == 1 && rest.getFirst().equals("settings")) {
            return switch (method) {
                case "GET" -> storage.with(user, data -> SimResponse.json(200, data.notesSettings().toJson()));
                case "PUT" -> storage.with(user, data -> {
                    data.notesSettings().update(RequestFields.of(request).strings());
                    return SimResponse.json(200, data.notesSettings().toJson());
                });
                default -> methodNotAllowed();
            };
        }
        return badRequest();
    }

    private SimResponse list(SimRequest request, NoteStore store) {
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

    private SimResponse create(SimRequest request, NoteStore store) {
        RequestFields fields = RequestFields.of(request);
        Note note = store.create(fields.string("title"),
                                 fields.has("content") ? fields.string("content") : "",
                                 fields.string("category"),
                                 Boolean.TRUE.equals(fields.bool("favorite")),
                                 fields.number("modified"));
        return SimResponse.json(200, note.toJson(Set.of()));
    }

    private SimResponse get(SimRequest request, NoteStore store, long id) {
        return store.byId(id)
                .map(note -> SimResponse.json(200, note.toJson(excludes(request)))
                        .header("ETag", "\"" + note.etag() + "\""))
                .orElseGet(NotesApi::notFound);
    }

    private SimResponse update(SimRequest request, NoteStore store, long id) {
        Note note = store.byId(id).orElse(null);
        if (note == null) {
            return notFound();
        }
        String ifMatch = request.header("If-Match").orElse(null);
        if (ifMatch != null && !etagMatches(ifMatch, note.etag())) {
            return SimResponse.json(412, note.toJson(Set.of()));
        }
        RequestFields fields = RequestFields.of(request);
        Note updated = store.update(note, fields.string("title"), fields.string("content"), fields.string("category"),
                                    fields.bool("favorite"), fields.number("modified"));
        return SimResponse.json(200, updated.toJson(Set.of()));
    }

    private SimResponse delete(NoteStore store, long id) {
        return store.byId(id).map(note -> {
            store.delete(note);
            return SimResponse.json(200, JsonValue.EMPTY_JSON_ARRAY);
        }).orElseGet(NotesApi::notFound);
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals("\"" + etag + "\"") || c.equals(etag)) {
                return true;
            }
        }
        return false;
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

    private static JsonObject message(String text) {
        return Json.createObjectBuilder().add("message", text).build();
    }

    private static SimResponse notFound() {
        return SimResponse.json(404, NOT_FOUND);
    }

    private static SimResponse badRequest() {
        return SimResponse.json(400, JsonValue.EMPTY_JSON_ARRAY);
    }

    private static SimResponse methodNotAllowed() {
        return SimResponse.status(405).header("Content-Type", SimResponse.HTML);
    }

    /** {@code <start>-<modified of last note sent>-<id of last note sent>}, as the app formats it. */
    record ChunkCursor(long start, long lastModified, long lastId) {
        static ChunkCursor parse(String text) {
            String[] p = text.split("-");
            try {
                return new ChunkCursor(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
            } catch (RuntimeException e) {
                return null;
            }
        }

        boolean isBefore(Note note) {
            return note.modified() > lastModified || (note.modified() == lastModified && note.id() > lastId);
        }

        @Override
        public String toString() {
            return start + "-" + lastModified + "-" + lastId;
        }
    }
}
