package dev.ncmcp.simulator.cookbook;

import dev.ncmcp.simulator.PhpJson;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileStore;
import dev.ncmcp.simulator.files.FileTree;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The recipes of a user: the folders of his recipe folder that hold a {@code recipe.json} (plus the {@code .nomedia}
 * cookbook puts beside it). Read straight from the files, so the search index is never stale.
 */
final class RecipeFolders {
    static final String RECIPE_FILE = "recipe.json";

    private final FileStore files;
    private final CookbookSettings settings;

    RecipeFolders(FileStore files, CookbookSettings settings) {
        this.files = files;
        this.settings = settings;
    }

    /** All recipes, sorted by name ignoring case as cookbook's index lists them. */
    List<Recipe> all(String user) {
        return files.with(user, tree -> {
            List<Recipe> recipes = new ArrayList<>();
            for (FileNode folder : home(user, tree).children()) {
                read(folder).ifPresent(recipes::add);
            }
            recipes.sort(Comparator.comparing(Recipe::name, String.CASE_INSENSITIVE_ORDER));
            return recipes;
        });
    }

    Optional<Recipe> byId(String user, long id) {
        return files.with(user, tree -> tree.byId(id).filter(folder -> folder.parent() == home(user, tree))
                .flatMap(RecipeFolders::read));
    }

    /** Stores a new recipe in a folder named after it; empty when one of that name exists. */
    Optional<Long> create(String user, JsonObject input, Instant now) {
        JsonObject json = RecipeJson.normalise(input, null, now);
        return files.with(user, tree -> {
            FileNode home = home(user, tree);
            if (home.child(json.getString("name")) != null) {
                return Optional.empty();
            }
            FileNode folder = tree.createFolder(home, json.getString("name"));
            tree.createFile(folder, ".nomedia", new byte[0], null);
            tree.createFile(folder, RECIPE_FILE, bytes(json), null);
            return Optional.of(folder.id());
        });
    }

    /**
     * Stores a changed recipe in its folder, renamed when the name changed; empty when the folder is gone.
     *
     * @throws IllegalStateException when another recipe has the new name
     */
    Optional<Long> update(String user, long id, JsonObject input, Instant now) {
        return files.with(user, tree -> {
            FileNode home = home(user, tree);
            Optional<FileNode> found = tree.byId(id).filter(folder -> folder.parent() == home);
            if (found.isEmpty()) {
                return Optional.<Long>empty();
            }
            FileNode folder = found.get();
            String created = read(folder).map(recipe -> recipe.json().getString("dateCreated", null)).orElse(null);
            JsonObject json = RecipeJson.normalise(input, created, now);
            String name = json.getString("name");
            if (!name.equals(folder.name())) {
                if (home.child(name) != null) {
                    throw new IllegalStateException("Another recipe with that name already exists");
                }
                tree.move(folder, home, name);
            }
            FileNode file = folder.child(RECIPE_FILE);
            if (file == null) {
                tree.createFile(folder, RECIPE_FILE, bytes(json), null);
            } else {
                tree.write(file, bytes(json), null);
            }
            return Optional.of(folder.id());
        });
    }

    boolean delete(String user, long id) {
        return files.with(user, tree -> {
            Optional<FileNode> folder = tree.byId(id).filter(node -> node.parent() == home(user, tree));
            folder.ifPresent(tree::delete);
            return folder.isPresent();
        });
    }

    /** The recipe folder of the settings, created on first use as cookbook does. */
    private FileNode home(String user, FileTree tree) {
        return tree.mkdirs(settings.of(user).folder());
    }

    private static Optional<Recipe> read(FileNode folder) {
        FileNode file = folder.isFolder() ? folder.child(RECIPE_FILE) : null;
        if (file == null || file.isFolder()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(file.content()))) {
            return Optional.of(new Recipe(folder.id(), reader.readObject(), file.mtime()));
        } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(JsonObject json) {
        return PhpJson.encode(json).getBytes(StandardCharsets.UTF_8);
    }
}
