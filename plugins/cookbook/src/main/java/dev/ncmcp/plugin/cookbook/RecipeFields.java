package dev.ncmcp.plugin.cookbook;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The recipe parts a model gives, checked and put into cookbook's schema.org JSON. */
final class RecipeFields {

    private RecipeFields() {
    }

    /** What the schema cannot state: a name with content, keywords without commas, ISO-8601 durations. */
    static void check(String name, List<String> keywords, Optional<String> prepTime, Optional<String> cookTime,
                      Optional<String> totalTime) {
        if (name.replaceAll("[/\\\\\\r\\n]", "").isBlank()) {
            throw new IllegalArgumentException("'name' must contain more than slashes and blanks");
        }
        keywords.stream().filter(keyword -> keyword.contains(",")).findFirst().ifPresent(keyword -> {
            throw new IllegalArgumentException("'keywords' entries cannot contain commas: give '" + keyword
                    + "' as separate keywords");
        });
        duration("prepTime", prepTime);
        duration("cookTime", cookTime);
        duration("totalTime", totalTime);
    }

    static void put(JsonObjectBuilder recipe, String key, Optional<String> value) {
        value.ifPresent(text -> recipe.add(key, text.strip()));
    }

    static void list(JsonObjectBuilder recipe, String key, Optional<List<String>> values) {
        values.ifPresent(items -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.stream().map(String::strip).filter(item -> !item.isEmpty()).forEach(array::add);
            recipe.add(key, array);
        });
    }

    private static void duration(String argument, Optional<String> value) {
        value.filter(text -> !text.isBlank()).ifPresent(text -> {
            try {
                Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + argument + "' must be an ISO-8601 duration such as PT30M or "
                        + "PT1H15M, not '" + text + "'");
            }
        });
    }
}
