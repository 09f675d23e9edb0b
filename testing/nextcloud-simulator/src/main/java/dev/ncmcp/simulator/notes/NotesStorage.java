package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.files.FileStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The notes of every user: their files in the shared {@link FileStore} plus the app's per-user
 * settings.
 */
final class NotesStorage {
    private final FileStore files;
    private final String defaultNoteMode;
    private final Map<String, NotesSettings> settings = new ConcurrentHashMap<>();

    NotesStorage(FileStore files, String defaultNoteMode) {
        this.files = files;
        this.defaultNoteMode = defaultNoteMode;
    }

    /** Runs {@code action} under the file store lock. */
    <T> T with(String user, Function<NoteStore, T> action) {
        return files.with(user, tree -> action.apply(new NoteStore(tree, settings(user), () -> files.freeSpace(tree))));
    }

    NotesSettings settings(String user) {
        return settings.computeIfAbsent(user, u -> new NotesSettings(defaultNoteMode));
    }
}
