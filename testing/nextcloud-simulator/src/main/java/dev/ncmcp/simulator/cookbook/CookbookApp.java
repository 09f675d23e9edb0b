package dev.ncmcp.simulator.cookbook;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.cookbook.RecipeStubs.Listing;
import dev.ncmcp.simulator.files.FileStore;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Cookbook app's REST API v1 and its version route, with two sample recipes for the demo. */
public final class CookbookApp implements SimulatorApp {
    static final String PREFIX = "/index.php/apps/cookbook/api";

    private final BasicAuth auth;
    private final NextcloudVersion version;
    private final CookbookSettings settings = new CookbookSettings();
    private final RecipeFolders recipes;
    private final RecipeImport importer = new RecipeImport();

    public CookbookApp(FileStore files, BasicAuth auth, NextcloudVersion version) {
        this.auth = auth;
        this.version = version;
        this.recipes = new RecipeFolders(files, settings);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(PREFIX, this::handle);
    }

    @Override
    public void seedSampleData(String user) {
        recipes.create(user, parse("""
                {"name": "Pancakes", "description": "Fluffy breakfast pancakes", "recipeCategory": "Breakfast",
                 "keywords": "sweet,quick", "recipeYield": 4, "prepTime": "PT10M", "cookTime": "PT15M",
                 "recipeIngredient": ["200 g flour", "2 eggs", "300 ml milk"],
                 "recipeInstructions": ["Mix everything.", "Fry in a hot pan."], "tool": ["pan"]}"""), Instant.now());
        recipes.create(user, parse("""
                {"name": "Tomato soup", "description": "A quick soup", "recipeCategory": "Dinner",
                 "keywords": "vegetarian,quick", "recipeYield": 2, "totalTime": "PT30M",
                 "recipeIngredient": ["1 kg tomatoes", "1 onion", "salt"],
                 "recipeInstructions": ["Chop.", "Simmer for 20 minutes.", "Blend."]}"""), Instant.now());
    }

    private SimResponse handle(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (who.kind() == BasicAuth.Kind.ANONYMOUS) {
            return message(401, "CORS requires basic auth");
        }
        if (!who.ok()) {
            return message(401, "");
        }
        List<String> route = PathSegments.of(request.path().substring(PREFIX.length()));
        String method = request.method();
        if (route.equals(List.of("version"))) {
            return method.equals("GET") ? SimResponse.json(200, versionJson()) : notAllowed();
        }
        if (route.isEmpty() || !route.getFirst().equals("v1")) {
            return notFound();
        }
        return v1(request, who.user(), route.subList(1, route.size()));
    }

    private SimResponse v1(SimRequest request, String user, List<String> route) {
        String method = request.method();
        String first = route.isEmpty() ? "" : route.getFirst();
        String second = route.size() > 1 ? PhpUrlDecode.decode(route.get(1)) : null;
        return switch (first) {
            case "config" -> switch (method) {
                case "GET" -> SimResponse.json(200, settings.of(user).toJson());
                case "POST", "PUT" -> {
                    settings.of(user).update(RequestFields.of(request));
                    yield SimResponse.json(200, Json.createValue("OK"));
                }
                default -> notAllowed();
            };
            case "reindex" -> method.equals("POST")
                    ? SimResponse.json(200, Json.createValue("Search index rebuilt successfully")) : notAllowed();
            case "recipes" -> recipes(request, user, route);
            case "search" -> second == null || !method.equals("GET") ? notFound() : SimResponse.json(200,
                    RecipeStubs.stubs(RecipeStubs.search(recipes.all(user), second), Listing.SEARCH));
            case "categories" -> method.equals("GET")
                    ? SimResponse.json(200, RecipeStubs.categories(recipes.all(user))) : notAllowed();
            case "category" -> second == null || !method.equals("GET") ? notFound()
                    : SimResponse.json(200, RecipeStubs.stubs(inCategory(recipes.all(user), second), Listing.CATEGORY));
            case "keywords" -> method.equals("GET")
                    ? SimResponse.json(200, RecipeStubs.keywords(recipes.all(user))) : notAllowed();
            // cookbook 0.11 binds the user id as an integer in this query, so no recipe ever matches (cookbook/12)
            case "tags" -> second == null ? notFound() : SimResponse.json(200, JsonValue.EMPTY_JSON_ARRAY);
            case "import" -> method.equals("POST") ? importRecipe(request, user) : notAllowed();
            default -> notFound();
        };
    }

    /** {@code _} names the recipes without a category. */
    private static List<Recipe> inCategory(List<Recipe> all, String category) {
        return all.stream().filter(recipe -> category.equals("_") ? recipe.category().isEmpty()
                : recipe.category().equals(category)).toList();
    }

    private SimResponse recipes(SimRequest request, String user, List<String> route) {
        String method = request.method();
        if (route.size() == 1) {
            return switch (method) {
                case "GET" -> SimResponse.json(200, RecipeStubs.stubs(request.queryParam("keywords")
                        .filter(words -> !words.isBlank())
                        .map(words -> RecipeStubs.search(recipes.all(user), words))
                        .orElseGet(() -> recipes.all(user)), Listing.ALL));
                case "POST" -> create(user, body(request));
                default -> notAllowed();
            };
        }
        if (!route.get(1).matches("\\d{1,18}")) {
            return notFound();
        }
        long id = Long.parseLong(route.get(1));
        if (route.size() == 3 && route.get(2).equals("image") && method.equals("GET")) {
            return image(request, user, id);
        }
        if (route.size() != 2) {
            return notFound();
        }
        return switch (method) {
            case "GET" -> recipes.byId(user, id).map(recipe -> SimResponse.json(200, shown(user, recipe)))
                    .orElseGet(() -> SimResponse.json(404, Json.createValue(id)));
            case "PUT" -> update(user, body(request));
            case "DELETE" -> recipes.delete(user, id)
                    ? SimResponse.json(200, Json.createValue("Recipe " + id + " deleted successfully"))
                    : SimResponse.json(502, Json.createValue("Recipe with id " + id + " was not found."));
            default -> notAllowed();
        };
    }

    private SimResponse create(String user, JsonObject input) {
        if (RecipeJson.name(input).isEmpty()) {
            return CookbookErrors.noName();
        }
        return recipes.create(user, input, Instant.now())
                .map(id -> SimResponse.json(200, Json.createValue(id)))
                .orElseGet(CookbookErrors::exists);
    }

    /** {@code PUT …/recipes/{id}} stores the recipe of the body's {@code id}, or a new one when it has none. */
    private SimResponse update(String user, JsonObject input) {
        if (RecipeJson.name(input).isEmpty()) {
            return CookbookErrors.noName();
        }
        Optional<Long> id = input.get("id") instanceof JsonString text && text.getString().matches("\\d{1,18}")
                ? Optional.of(Long.parseLong(text.getString()))
                : input.get("id") instanceof JsonNumber number ? Optional.of(number.longValue())
                : Optional.empty();
        try {
            Optional<Long> saved = id.isPresent() ? recipes.update(user, id.get(), input, Instant.now())
                    .or(() -> recipes.create(user, input, Instant.now())) : recipes.create(user, input, Instant.now());
            return saved.map(value -> SimResponse.json(200, Json.createValue(value)))
                    .orElseGet(CookbookErrors::internalError);
        } catch (IllegalStateException nameTaken) {
            // only create() catches RecipeExistsException; on update it escapes as an internal error
            return CookbookErrors.internalError();
        }
    }

    private SimResponse importRecipe(SimRequest request, String user) {
        JsonObject input = body(request);
        if (!(input.get("url") instanceof JsonString url)) {
            return SimResponse.json(400, Json.createValue("Field \"url\" is required"));
        }
        try {
            JsonObject found = importer.fetch(url.getString());
            if (RecipeJson.name(found).isEmpty()) {
                return SimResponse.json(400, Json.createValue("No recipe name was given. A unique name is required "
                        + "to store the recipe."));
            }
            return recipes.create(user, found, Instant.now())
                    .flatMap(id -> recipes.byId(user, id))
                    .map(recipe -> SimResponse.json(200, shown(user, recipe)))
                    .orElseGet(CookbookErrors::exists);
        } catch (RecipeImport.ImportFailure failure) {
            return SimResponse.json(400, Json.createValue(failure.getMessage()));
        }
    }

    /** {@code RecipeImplementation::image}: no image is stored, so the placeholder SVG, if the client takes SVG. */
    private SimResponse image(SimRequest request, String user, long id) {
        if (recipes.byId(user, id).isEmpty()) {
            return notFound();
        }
        String accept = request.header("Accept").orElse("*/*");
        if (!accept.contains("svg") && !accept.contains("*/*") && !accept.contains("image/*")) {
            return SimResponse.json(406, Json.createObjectBuilder()
                    .add("msg", "No image with the matching MIME type was found on the server.").build());
        }
        return SimResponse.status(200).header("Content-Type", "image/svg+xml")
                .header("Content-Disposition", "inline; filename=\"\"").body(CookbookErrors.PLACEHOLDER);
    }

    /** The stored recipe with what {@code show} adds: its id, the print setting and its image URL. */
    private JsonObject shown(String user, Recipe recipe) {
        return Json.createObjectBuilder(recipe.json())
                .add("id", Long.toString(recipe.id()))
                .add("printImage", settings.of(user).printImage())
                .add("imageUrl", RecipeStubs.IMAGE + recipe.id() + "/image?size=full")
                .build();
    }

    private JsonObject versionJson() {
        List<Integer> app = version == NextcloudVersion.NC31 ? List.of(0, 11, 9) : List.of(0, 11, 5);
        return Json.createObjectBuilder()
                .add("cookbook_version", Json.createArrayBuilder(app))
                .add("api_version", Json.createObjectBuilder().add("epoch", 0).add("major", 1).add("minor", 2))
                .build();
    }

    /** The body as JSON; PHP's {@code json_decode} gives nothing for a malformed one. */
    private static JsonObject body(SimRequest request) {
        try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
            return reader.readValue() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException malformed) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static SimResponse message(int status, String message) {
        return SimResponse.json(status, Json.createObjectBuilder().add("message", message).build());
    }

    private static SimResponse notFound() {
        return SimResponse.html(404, "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head><body>"
                + "<div class=\"guest-box\"><h2>Page not found</h2></div></body></html>\n");
    }

    private static SimResponse notAllowed() {
        return SimResponse.html(405, "");
    }
}
