package dev.ncmcp.simulator.cookbook;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipe as cookbook stores it: the schema.org JSON after its filters (name cleaned, keywords a clean comma list,
 * yield a number, durations {@code PT0H10M0S}, lists of strings, timestamps), keys in the order the app writes them.
 */
final class RecipeJson {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final List<String> DURATIONS = List.of("prepTime", "cookTime", "totalTime");
    private static final List<String> ORDER = List.of("@context", "@type", "name", "description", "recipeCategory",
            "keywords", "recipeYield", "prepTime", "cookTime", "totalTime", "recipeIngredient", "recipeInstructions",
            "tool", "url", "image", "dateCreated", "dateModified", "datePublished", "nutrition", "id");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RecipeJson() {
    }

    /** The recipe's name as cookbook keeps it, or empty when none was given. */
    static String name(JsonObject input) {
        return input.get("name") instanceof JsonString name
                ? name.getString().replaceAll("[/\\\\\\r\\n]", "").strip() : "";
    }

    /** Normalises {@code input} for storage; {@code created} is kept from the stored version on updates. */
    static JsonObject normalise(JsonObject input, String created, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("@context", "http://schema.org")
                .add("@type", "Recipe")
                .add("name", name(input))
                .add("description", text(input.get("description")))
                .add("recipeCategory", category(input.get("recipeCategory")))
                .add("keywords", String.join(",", keywords(input.get("keywords"))))
                .add("recipeYield", servings(input.get("recipeYield")));
        for (String key : DURATIONS) {
            json.add(key, duration(input.get(key)));
        }
        json.add("recipeIngredient", strings(input.get("recipeIngredient")))
                .add("recipeInstructions", instructions(input.get("recipeInstructions")))
                .add("tool", strings(input.get("tool")))
                .add("url", text(input.get("url")))
                .add("image", image(input.get("image")))
                .add("dateCreated", created != null ? created : TIMESTAMP.format(now))
                .add("dateModified", TIMESTAMP.format(now))
                .add("datePublished", input.getOrDefault("datePublished", JsonValue.NULL))
                .add("nutrition", input.get("nutrition") instanceof JsonObject nutrition ? nutrition
                        : Json.createObjectBuilder().add("@type", "NutritionInformation").build());
        input.forEach((key, value) -> {
            if (!ORDER.contains(key) && !key.equals("printImage") && !key.equals("imageUrl")) {
                json.add(key, value);
            }
        });
        return json.build();
    }

    /** The keywords of a comma list or array: tags stripped, blanks collapsed, empty and repeated ones dropped. */
    static Set<String> keywords(JsonValue value) {
        List<String> raw = new ArrayList<>();
        if (value instanceof JsonString text) {
            raw.addAll(List.of(text.getString().split(",")));
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> raw.add(item instanceof JsonString s ? s.getString() : ""));
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String keyword : raw) {
            String cleaned = keyword.replaceAll("<[^>]*>", "").strip().replaceAll("\\s+", " ");
            if (!cleaned.isEmpty()) {
                clean.add(cleaned);
            }
        }
        return clean;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString text ? text.getString().strip() : "";
    }

    private static String category(JsonValue value) {
        if (value instanceof JsonArray array && !array.isEmpty()) {
            return text(array.get(0));
        }
        return text(value);
    }

    /** {@code FixRecipeYieldFilter}: a number stays, else the highest number in the text, else 1; none is null. */
    private static JsonValue servings(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonArray array && array.size() == 1) {
            value = array.get(0);
        }
        if (value instanceof JsonNumber number) {
            return Json.createValue(number.longValue());
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        Matcher numbers = DIGITS.matcher(text);
        long highest = -1;
        while (numbers.find()) {
            highest = Math.max(highest, Long.parseLong(numbers.group()));
        }
        return Json.createValue(highest >= 0 ? highest : 1);
    }

    /** {@code FixDurationsFilter}: an ISO-8601 duration written out as hours, minutes and seconds. */
    private static JsonValue duration(JsonValue value) {
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            return JsonValue.NULL;
        }
        try {
            Duration duration = Duration.parse(text.getString().strip());
            return Json.createValue("PT" + duration.toHours() + "H" + duration.toMinutesPart() + "M"
                    + duration.toSecondsPart() + "S");
        } catch (DateTimeParseException e) {
            return JsonValue.NULL;
        }
    }

    private static JsonArray strings(JsonValue value) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            list.add(text.getString().strip());
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> {
                String text = text(item);
                if (!text.isEmpty()) {
                    list.add(text);
                }
            });
        }
        return list.build();
    }

    /** {@code FixInstructionsFilter}: steps as plain texts, {@code HowToStep}s and sections flattened. */
    private static JsonArray instructions(JsonValue value) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        addSteps(value, steps);
        return steps.build();
    }

    private static void addSteps(JsonValue value, JsonArrayBuilder steps) {
        if (value instanceof JsonString text) {
            for (String line : text.getString().split("\\R")) {
                if (!line.isBlank()) {
                    steps.add(line.strip());
                }
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> addSteps(item, steps));
        } else if (value instanceof JsonObject step) {
            if (step.containsKey("itemListElement")) {
                addSteps(step.get("itemListElement"), steps);
            } else {
                addSteps(step.get("text"), steps);
            }
        }
    }

    private static String image(JsonValue value) {
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? "" : image(array.get(0));
        }
        if (value instanceof JsonObject object) {
            return text(object.get("url"));
        }
        return text(value);
    }
}
