package dev.ncmcp.simulator.cookbook;

import jakarta.json.JsonObject;

/**
 * A stored recipe: its folder's id (the recipe id), the JSON of its {@code recipe.json} and that file's mtime.
 */
record Recipe(long id, JsonObject json, long mtime) {

    String name() {
        return json.getString("name", "");
    }

    String category() {
        return json.getString("recipeCategory", "");
    }
}
