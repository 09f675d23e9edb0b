package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** One recipe in full, from cookbook's schema.org JSON. */
record RecipeView(
        @Description("Recipe id") long id,
        @Description("Name") String name,
        @Description("Description; empty when none") String description,
        @Description("Category; empty when none") String category,
        @Description("Keywords") List<String> keywords,
        @Description("How many servings it makes (schema.org recipeYield)") Optional<Long> servings,
        @Description("Preparation time, ISO-8601 duration such as PT15M") Optional<String> prepTime,
        @Description("Cooking time, ISO-8601 duration") Optional<String> cookTime,
        @Description("Total time, ISO-8601 duration") Optional<String> totalTime,
        @Description("Ingredients, one per entry") List<String> ingredients,
        @Description("Instructions, one step per entry") List<String> instructions,
        @Description("Tools needed") List<String> tools,
        @Description("Where the recipe comes from; empty when unknown") String url,
        @Description("URL of the recipe's image on the web; empty when none") String image,
        @Description("Nutrition information (schema.org NutritionInformation), when given")
        Optional<JsonObject> nutrition,
        @Description("When it was created, ISO-8601 UTC") Optional<Instant> created,
        @Description("When it was last changed, ISO-8601 UTC") Optional<Instant> modified) {

    static RecipeView of(JsonObject json, long id) throws ToolException {
        if (!(json.get("name") instanceof JsonString name)) {
            throw ToolException.upstream("Nextcloud Cookbook answered with a recipe without a name");
        }
        Optional<JsonObject> nutrition = json.get("nutrition") instanceof JsonObject facts
                && facts.keySet().stream().anyMatch(key -> !key.startsWith("@"))
                ? Optional.of(facts) : Optional.empty();
        Optional<Long> servings = json.get("recipeYield") instanceof JsonNumber count
                ? Optional.of(count.longValue()) : Optional.empty();
        return new RecipeView(id, name.getString(), text(json, "description"), text(json, "recipeCategory"),
                RecipeStub.keywords(text(json, "keywords")),
                servings,
                duration(json, "prepTime"), duration(json, "cookTime"), duration(json, "totalTime"),
                strings(json, "recipeIngredient"), strings(json, "recipeInstructions"), strings(json, "tool"),
                text(json, "url"), text(json, "image"), nutrition,
                RecipeStub.instant(text(json, "dateCreated")), RecipeStub.instant(text(json, "dateModified")));
    }

    /** {@code PT0H10M0S} as cookbook stores it, shown as {@code PT10M}. */
    private static Optional<String> duration(JsonObject json, String key) {
        try {
            String text = text(json, key);
            return text.isEmpty() ? Optional.empty() : Optional.of(Duration.parse(text).toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.get(key) instanceof JsonArray array ? array.stream()
                .filter(item -> item instanceof JsonString).map(item -> ((JsonString) item).getString()).toList()
                : List.of();
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString value ? value.getString() : "";
    }
}
