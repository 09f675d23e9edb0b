package dev.ncmcp.simulator.cookbook;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST …/import}: Nextcloud downloads the page and takes the schema.org {@code Recipe} from its JSON-LD
 * (directly, in a list or in an {@code @graph}), as cookbook's import does. The simulator really fetches the URL.
 */
final class RecipeImport {
    private static final Pattern JSON_LD = Pattern.compile(
            "<script[^>]*type\\s*=\\s*[\"']application/ld\\+json[\"'][^>]*>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_PAGE = 5 * 1024 * 1024;

    /** Why the import failed, in cookbook's words. */
    static final class ImportFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ImportFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    JsonObject fetch(String url) throws ImportFailure {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ImportFailure("The URL " + url + " is not valid.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new ImportFailure("Only http and https URLs can be imported.");
        }
        String page;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("User-Agent", "Nextcloud Cookbook App").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new ImportFailure("Download of the URL " + url + " failed with HTTP " + response.statusCode()
                        + ".");
            }
            byte[] body = response.body();
            page = new String(body, 0, Math.min(body.length, MAX_PAGE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportFailure("Download of the URL " + url + " failed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("Download of the URL " + url + " was interrupted.");
        }
        Matcher scripts = JSON_LD.matcher(page);
        while (scripts.find()) {
            Optional<JsonObject> recipe = recipeIn(parse(scripts.group(1)));
            if (recipe.isPresent()) {
                return Json.createObjectBuilder(recipe.get()).add("url", url).build();
            }
        }
        throw new ImportFailure("Could not find recipe in HTML code.");
    }

    private static Optional<JsonObject> recipeIn(JsonValue value) {
        if (value instanceof JsonArray array) {
            return array.stream().map(RecipeImport::recipeIn).flatMap(Optional::stream).findFirst();
        }
        if (!(value instanceof JsonObject object)) {
            return Optional.empty();
        }
        if (isRecipe(object.get("@type"))) {
            return Optional.of(object);
        }
        return recipeIn(object.get("@graph"));
    }

    private static boolean isRecipe(JsonValue type) {
        return type instanceof JsonString name ? name.getString().equals("Recipe")
                : type instanceof JsonArray names && names.stream().anyMatch(RecipeImport::isRecipe);
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json.strip()))) {
            return reader.readValue();
        } catch (RuntimeException malformed) {
            return JsonValue.NULL;
        }
    }
}
