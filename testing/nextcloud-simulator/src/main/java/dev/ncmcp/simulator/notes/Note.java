package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.Hashes;
import dev.ncmcp.simulator.files.FileNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A note = a file below the notes folder, seen through the Notes app.
 *
 * @param file         the note file
 * @param category     folder path below the notes folder ({@code ""} = directly in it)
 * @param title        file name without suffix
 * @param internalPath {@code /Notes/<category>/<title><suffix>}
 */
record Note(FileNode file, String category, String title, String internalPath) {

    long id() {
        return file.id();
    }

    long modified() {
        return file.mtime();
    }

    String content() {
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    /** Changes whenever the file, its location or the favorite flag change. */
    String etag() {
        return Hashes.md5(file.etag() + "|" + internalPath + "|" + file.favorite() + "|" + file.mtime());
    }

    /** The note object with the app's key order, minus the excluded keys ({@code id} and {@code etag} stay). */
    JsonObject toJson(Set<String> exclude) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("id", id());
        if (!exclude.contains("title")) {
            b.add("title", title);
        }
        if (!exclude.contains("modified")) {
            b.add("modified", modified());
        }
        if (!exclude.contains("category")) {
            b.add("category", category);
        }
        if (!exclude.contains("favorite")) {
            b.add("favorite", file.favorite());
        }
        if (!exclude.contains("readonly")) {
            b.add("readonly", false);
        }
        if (!exclude.contains("internalPath")) {
            b.add("internalPath", internalPath);
        }
        if (!exclude.contains("shareTypes")) {
            b.add("shareTypes", Json.createArrayBuilder());
        }
        if (!exclude.contains("isShared")) {
            b.add("isShared", false);
        }
        if (!exclude.contains("error")) {
            b.add("error", false);
        }
        if (!exclude.contains("errorType")) {
            b.add("errorType", "");
        }
        if (!exclude.contains("content")) {
            b.add("content", content());
        }
        // the app always sends the etag, even when excluded (notes/10)
        b.add("etag", etag());
        return b.build();
    }
}
