package dev.ncmcp.simulator.notes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notes app settings of one user. Like the app, only values differing from the defaults are
 * stored, and they are listed before the defaults (that is why a PUT answers with the changed key
 * first, and a PUT back to the default value restores the default order).
 */
final class NotesSettings {
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> stored = new LinkedHashMap<>();

    NotesSettings(String defaultNoteMode) {
        defaults.put("notesPath", "Notes");
        defaults.put("fileSuffix", ".md");
        defaults.put("noteMode", defaultNoteMode);
    }

    String notesPath() {
        return get("notesPath");
    }

    String fileSuffix() {
        return get("fileSuffix");
    }

    String get(String key) {
        return stored.getOrDefault(key, defaults.get(key));
    }

    /** Applies known keys; unknown keys are ignored. */
    void update(Map<String, String> values) {
        values.forEach((key, value) -> {
            if (!defaults.containsKey(key)) {
                return;
            }
            if (defaults.get(key).equals(value)) {
                stored.remove(key);
            } else {
                stored.remove(key);
                stored.put(key, value);
            }
        });
    }

    JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        stored.forEach(b::add);
        defaults.forEach((k, v) -> {
            if (!stored.containsKey(k)) {
                b.add(k, v);
            }
        });
        return b.build();
    }
}
