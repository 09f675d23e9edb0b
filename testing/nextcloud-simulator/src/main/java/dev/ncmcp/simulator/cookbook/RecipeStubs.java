package dev.ncmcp.simulator.cookbook;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lists cookbook answers from its search index: recipe stubs (keywords sorted, dates with {@code +0000},
 * image URLs), categories and keywords with counts, and the text search over names, keywords and categories.
 */
final class RecipeStubs {
    static final String IMAGE = "/index.php/apps/cookbook/webapp/recipes/";
    private static final DateTimeFormatter STUB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /** Which list a stub is part of; the key order and the image URL differ between them. */
    enum Listing { ALL, SEARCH, CATEGORY }

    private RecipeStubs() {
    }

    static JsonArray stubs(List<Recipe> recipes, Listing listing) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        recipes.forEach(recipe -> list.add(stub(recipe, listing)));
        return list.build();
    }

    static JsonObject stub(Recipe recipe, Listing listing) {
        TreeSet<String> keywords = new TreeSet<>(RecipeJson.keywords(recipe.json().get("keywords")));
        JsonValue category = recipe.category().isEmpty() ? JsonValue.NULL : Json.createValue(recipe.category());
        String thumb = IMAGE + recipe.id() + "/image?"
                + (listing == Listing.ALL ? "" : "t=" + recipe.mtime() + "&") + "size=thumb";
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("recipe_id", recipe.id())
                .add("name", recipe.name())
                .add("keywords", keywords.isEmpty() ? JsonValue.NULL : Json.createValue(String.join(",", keywords)));
        if (listing != Listing.CATEGORY) {
            json.add("category", category);
        }
        json.add("dateCreated", stubDate(recipe.json().getString("dateCreated", "")))
                .add("dateModified", stubDate(recipe.json().getString("dateModified", "")));
        if (listing == Listing.CATEGORY) {
            json.add("category", category);
        }
        return json.add("imageUrl", thumb)
                .add("imagePlaceholderUrl", IMAGE + recipe.id() + "/image?size=thumb16")
                .add("id", Long.toString(recipe.id()))
                .build();
    }

    /** Categories by name with their recipe counts, then {@code *} with the count of recipes without one. */
    static JsonArray categories(List<Recipe> recipes) {
        Map<String, Integer> counts = new TreeMap<>();
        int without = 0;
        for (Recipe recipe : recipes) {
            if (recipe.category().isEmpty()) {
                without++;
            } else {
                counts.merge(recipe.category(), 1, Integer::sum);
            }
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        counts.forEach((name, count) -> list.add(count(name, count)));
        return list.add(count("*", without)).build();
    }

    static JsonArray keywords(List<Recipe> recipes) {
        Map<String, Integer> counts = new TreeMap<>();
        recipes.forEach(recipe -> RecipeJson.keywords(recipe.json().get("keywords"))
                .forEach(keyword -> counts.merge(keyword, 1, Integer::sum)));
        JsonArrayBuilder list = Json.createArrayBuilder();
        counts.forEach((name, count) -> list.add(count(name, count)));
        return list.build();
    }

    /** {@code RecipeDb::findRecipes}: any word of the query in a keyword, the name or the category, ignoring case. */
    static List<Recipe> search(List<Recipe> recipes, String query) {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("[\\s,]+")).stream()
                .filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return recipes;
        }
        return recipes.stream().filter(recipe -> words.stream().anyMatch(word -> matches(recipe, word))).toList();
    }

    private static boolean matches(Recipe recipe, String word) {
        return recipe.name().toLowerCase(Locale.ROOT).contains(word)
                || recipe.category().toLowerCase(Locale.ROOT).contains(word)
                || RecipeJson.keywords(recipe.json().get("keywords")).stream()
                        .anyMatch(keyword -> keyword.toLowerCase(Locale.ROOT).contains(word));
    }

    private static JsonObject count(String name, int count) {
        return Json.createObjectBuilder().add("name", name).add("recipe_count", count).build();
    }

    private static String stubDate(String stored) {
        try {
            return STUB_DATE.format(OffsetDateTime.parse(stored));
        } catch (RuntimeException e) {
            return stored;
        }
    }
}
