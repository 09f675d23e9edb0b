package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.files.FileStore;
import dev.ncmcp.simulator.files.FileTree;

import java.time.Duration;
import java.util.List;

/**
 * Notes app REST API ({@code /index.php/apps/notes/api/<version>/...}), versions 0.2 and 1.x.
 * Notes are the {@code .md}/{@code .txt} files below the user's notes folder in the shared file store.
 */
public final class NotesApp implements SimulatorApp {
    static final String PREFIX = "/index.php/apps/notes/api";
    private static final String API_VERSIONS = "0.2, 1.3, 1.4";

    private final BasicAuth auth;
    private final Accounts accounts;
    private final NotesStorage storage;
    private final NoteReads reads;
    private final NoteWrites writes;
    private final NoteLocks locks = new NoteLocks();
    private final WriteDelay writeDelay;

    public NotesApp(FileStore files, BasicAuth auth, Accounts accounts, NextcloudVersion version,
                    NotesLocking locking) {
        this.auth = auth;
        this.accounts = accounts;
        this.storage = new NotesStorage(files, version.defaultNoteMode());
        this.writeDelay = new WriteDelay(locking.writeDelay());
        this.reads = new NoteReads(storage);
        this.writes = new NoteWrites(storage, new LockedWrite(locks, writeDelay, locking.lockAttempts(),
                                                              locking.lockRetryPause()));
    }

    /** The next {@code times} writes to the note find its file locked and answer 423 (0 clears). */
    public void lockNote(String user, long noteId, int times) {
        locks.forceLocked(user, noteId, times);
    }

    /** How long each write holds the note's lock from now on; writes waiting now are re-timed. */
    public void writeDelay(Duration delay) {
        writeDelay.set(delay);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(PREFIX, this::handle);
    }

    @Override
    public void seedSampleData(String user) {
        storage.with(user, notes -> {
            notes.create("Welcome", """
                    # Welcome

                    This note lives in your **Nextcloud Notes** folder as a markdown file.
                    """, "", true, null);
            notes.create("Shopping list", """
                    Shopping list

                    - milk
                    - eggs
                    - bread
                    """, "Home", false, null);
            notes.create("Meeting notes", """
                    # Meeting notes

                    Agenda: budget, roadmap, hiring
                    """, "Work/Projects", false, null);
            notes.create("Ideas", "Ideas\n\n* write a sidecar\n* try the simulator\n", "Work", false, null);
            return null;
        });
    }

    private SimResponse handle(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (who.kind() == BasicAuth.Kind.ANONYMOUS) {
            return NotesAnswers.message(401, "CORS requires basic auth");
        }
        if (!who.ok()) {
            return NotesAnswers.message(401, "");
        }
        if (who.bearer() && request.header("OCS-APIREQUEST").filter("true"::equalsIgnoreCase).isEmpty()) {
            // Nextcloud 31 answers Bearer requests to app routes like this unless the OCS header is sent
            return NotesAnswers.message(401, "CORS requires basic auth");
        }
        if (!accounts.notesEnabled(who.user())) {
            return NotesAnswers.message(412, "App is not enabled");
        }
        SimResponse response;
        try {
            response = route(request, who.user());
        } catch (NotesException e) {
            response = e.response();
        }
        return response.header("X-Notes-API-Versions", API_VERSIONS);
    }

    private SimResponse route(SimRequest request, String user) {
        List<String> parts = PathSegments.of(request.path().substring(PREFIX.length()));
        if (parts.isEmpty() || !(parts.getFirst().equals("v1") || parts.getFirst().equals("v0.2"))) {
            return NotesAnswers.badRequest();
        }
        List<String> rest = parts.subList(1, parts.size());
        String method = request.method();
        if (rest.equals(List.of("notes"))) {
            return switch (method) {
                case "GET" -> reads.list(request, user);
                case "POST" -> writes.create(request, user);
                default -> NotesAnswers.methodNotAllowed();
            };
        }
        if (rest.size() == 2 && rest.getFirst().equals("notes")) {
            if (!rest.get(1).matches("\\d{1,18}")) {
                return NotesAnswers.badRequest();
            }
            long id = Long.parseLong(rest.get(1));
            return switch (method) {
                case "GET" -> reads.get(request, user, id);
                case "PUT" -> writes.update(request, user, id);
                case "DELETE" -> writes.delete(user, id);
                default -> NotesAnswers.methodNotAllowed();
            };
        }
        if (rest.equals(List.of("settings"))) {
            return switch (method) {
                case "GET" -> settings(user, null);
                case "PUT" -> settings(user, RequestFields.of(request));
                default -> NotesAnswers.methodNotAllowed();
            };
        }
        return NotesAnswers.badRequest();
    }

    private SimResponse settings(String user, RequestFields update) {
        return storage.with(user, notes -> {
            NotesSettings settings = storage.settings(user);
            if (update != null) {
                settings.update(update.strings());
            }
            return SimResponse.json(200, settings.toJson());
        });
    }
}
