package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A recipe in a list: what cookbook's index knows of it. */
record RecipeStub(
        @Description("Recipe id; pass it to nc_cookbook_get_recipe") long id,
        @Description("Name") String name,
        @Description("Category; empty when none") String category,
        @Description("Keywords") List<String> keywords,
        @Description("When it was created, ISO-8601 UTC") Optional<Instant> created,
        @Description("When it was last changed, ISO-8601 UTC") Optional<Instant> modified) {

    private static final DateTimeFormatter STUB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[xxx][xx]");

    static RecipeStub of(JsonValue value) throws ToolException {
        if (!(value instanceof JsonObject stub) || !(stub.get("recipe_id") instanceof JsonNumber id)) {
            throw ToolException.upstream("Nextcloud Cookbook answered with something that is not a recipe entry");
        }
        String category = text(stub, "category");
        return new RecipeStub(id.longValue(), text(stub, "name"), category.equals("*") ? "" : category,
                keywords(text(stub, "keywords")), instant(text(stub, "dateCreated")),
                instant(text(stub, "dateModified")));
    }

    /** Cookbook keeps keywords as one comma-separated text. */
    static List<String> keywords(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(keyword -> !keyword.isEmpty()).toList();
    }

    /** Cookbook writes {@code +00:00} in recipes and {@code +0000} in lists. */
    static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text, STUB_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString value ? value.getString() : "";
    }
}
