package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Cookbook API v1 ({@code /index.php/apps/cookbook/api/v1}) with its answers turned into values or errors a
 * model can act on: a bare number for a saved recipe's id, {@code {"msg"}} for its refusals, a bare string for a
 * failed import.
 */
final class CookbookApi {

    static final String BASE = "/index.php/apps/cookbook/api/v1";

    private final NextcloudClient client;

    CookbookApi(NextcloudClient client) {
        this.client = client;
    }

    List<RecipeStub> recipes() throws ToolException {
        return stubs(json(send(NextcloudRequest.get(BASE + "/recipes"), "your recipes", 200)));
    }

    List<RecipeStub> search(String query) throws ToolException {
        return stubs(json(send(NextcloudRequest.get(BASE + "/search/" + segment(query)), "the recipe search", 200)));
    }

    /** The recipe as stored, or empty when there is none with this id. */
    Optional<JsonObject> recipe(long id) throws ToolException {
        NextcloudResponse response = client.send(NextcloudRequest.get(BASE + "/recipes/" + id)
                .header("Accept", "application/json").build());
        if (response.status() == 404 && response.header("Content-Type").filter(t -> t.contains("json")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(object(check(response, "recipe " + id, 200)));
    }

    long create(JsonObject recipe) throws ToolException {
        String subject = "the recipe '" + name(recipe) + "'";
        return id(send(NextcloudRequest.post(BASE + "/recipes").json(recipe), subject, 200));
    }

    /** {@code PUT} stores the recipe the body's {@code id} names (the path's id is not used by cookbook). */
    long update(long id, JsonObject recipe) throws ToolException {
        return id(send(NextcloudRequest.put(BASE + "/recipes/" + id).json(recipe), "recipe " + id, 200));
    }

    void delete(long id) throws ToolException {
        send(NextcloudRequest.delete(BASE + "/recipes/" + id), "recipe " + id, 200);
    }

    JsonObject importFrom(String url) throws ToolException {
        NextcloudResponse response = client.send(NextcloudRequest.post(BASE + "/import")
                .json(Json.createObjectBuilder().add("url", url).build()).build());
        return object(Answer.of(response).about("the import of " + url)
                .on(400, refusal -> ToolException.invalidArgument("Nextcloud could not import a recipe from " + url
                        + ": " + text(response).or(refusal::reason).orElse("HTTP 400") + " The page must carry a "
                        + "schema.org Recipe (JSON-LD), as most recipe sites do."))
                .on(409, refusal -> ToolException.conflict("The recipe on " + url + " has the name of a recipe you "
                        + "already have (Nextcloud: " + refusal.reason().orElse("it exists") + "). Rename or delete "
                        + "the existing recipe first.", null))
                .expect(200));
    }

    JsonArray list(String resource, String subject) throws ToolException {
        if (!(json(send(NextcloudRequest.get(BASE + "/" + resource), subject, 200)) instanceof JsonArray array)) {
            throw ToolException.upstream("Nextcloud Cookbook answered " + subject
                    + " with something that is not a list");
        }
        return array;
    }

    JsonObject config() throws ToolException {
        return object(send(NextcloudRequest.get(BASE + "/config"), "the Cookbook settings", 200));
    }

    void config(JsonObject changes) throws ToolException {
        send(NextcloudRequest.post(BASE + "/config").json(changes), "the Cookbook settings", 200);
    }

    String reindex() throws ToolException {
        NextcloudResponse response = send(NextcloudRequest.post(BASE + "/reindex"), "the recipe index", 200);
        return text(response).orElse("Search index rebuilt");
    }

    private NextcloudResponse send(NextcloudRequest.Builder request, String subject, int expected)
            throws ToolException {
        return check(client.send(request.header("Accept", "application/json").build()), subject, expected);
    }

    /** Cookbook's own refusals first; everything else is the common mapping. */
    private static NextcloudResponse check(NextcloudResponse response, String subject, int expected)
            throws ToolException {
        return Answer.of(response).about(subject)
                .on(404, refusal -> notInstalled(response))
                .on(409, refusal -> ToolException.conflict("A recipe with that name already exists (Nextcloud: "
                        + refusal.reason().orElse("conflict") + "). Choose another name, or change the existing "
                        + "recipe with nc_cookbook_update_recipe.", null))
                .on(422, refusal -> ToolException.invalidArgument("Nextcloud Cookbook needs a recipe name: "
                        + refusal.reason().orElse("no name was given") + " Give a non-empty 'name'."))
                .expect(expected);
    }

    private static ToolException notInstalled(NextcloudResponse response) {
        boolean page = response.header("Content-Type").filter(type -> type.contains("html")).isPresent();
        return page ? ToolException.notFound("The Cookbook app is not installed or not enabled for this Nextcloud "
                + "user.") : null;
    }

    private static List<RecipeStub> stubs(JsonValue json) throws ToolException {
        if (!(json instanceof JsonArray array)) {
            throw ToolException.upstream("Nextcloud Cookbook answered a recipe list with something that is not a list");
        }
        List<RecipeStub> stubs = new ArrayList<>(array.size());
        for (JsonValue stub : array) {
            stubs.add(RecipeStub.of(stub));
        }
        return stubs;
    }

    private static long id(NextcloudResponse response) throws ToolException {
        if (json(response) instanceof JsonNumber id && id.isIntegral()) {
            return id.longValue();
        }
        throw ToolException.upstream("Nextcloud Cookbook did not answer with the id of the saved recipe");
    }

    private static JsonObject object(NextcloudResponse response) throws ToolException {
        if (json(response) instanceof JsonObject object) {
            return object;
        }
        throw ToolException.upstream("Nextcloud Cookbook answered with something that is not a recipe");
    }

    private static JsonValue json(NextcloudResponse response) throws ToolException {
        return response.json();
    }

    private static Optional<String> text(NextcloudResponse response) {
        try {
            return response.json() instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
        } catch (ToolException notJson) {
            return Optional.empty();
        }
    }

    private static String name(JsonObject recipe) {
        return recipe.getString("name", "");
    }

    /** A path segment; cookbook decodes it once more after the router did, so '%' and '+' are encoded twice. */
    static String segment(String text) {
        String once = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return once.replace("%25", "%2525").replace("%2B", "%252B");
    }
}
