package dev.ncmcp.simulator.cookbook;

import com.sun.net.httpserver.HttpServer;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cookbook beyond the captures: normalisation, renames, import from a real web page, config, WebDAV view. */
class CookbookBehaviourTest {
    private static final String API = "/index.php/apps/cookbook/api/v1";
    private NextcloudSimulator sim;
    private SimHttp bob;
    private HttpServer site;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
    }

    @AfterEach
    void stop() {
        sim.stop();
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aRecipeIsNormalisedAsCookbookStoresIt() {
        long id = create("{\"name\":\" Bread/Rolls \",\"keywords\":[\"<b>baking</b>\",\" baking\",\"  easy  going \"],"
                + "\"recipeYield\":\"makes 6 to 8 rolls\",\"prepTime\":\"PT1H30M\",\"cookTime\":\"nonsense\","
                + "\"recipeInstructions\":[{\"@type\":\"HowToStep\",\"text\":\"Knead.\"},\"Bake.\"]}");
        JsonObject recipe = get(id);
        assertEquals("BreadRolls", recipe.getString("name"), "slashes are removed, the name trimmed");
        assertEquals("baking,easy going", recipe.getString("keywords"));
        assertEquals(8, recipe.getInt("recipeYield"), "the highest number of a text");
        assertEquals("PT1H30M0S", recipe.getString("prepTime"));
        assertTrue(recipe.isNull("cookTime"));
        assertEquals(2, recipe.getJsonArray("recipeInstructions").size());
        assertEquals(Long.toString(id), recipe.getString("id"));
    }

    @Test
    void anUpdateRenamesTheFolderAndTakesTheIdFromTheBody() {
        long id = create("{\"name\":\"Soup\"}");
        create("{\"name\":\"Stew\"}");
        HttpResponse<String> renamed = bob.json("PUT", API + "/recipes/1", "{\"id\":\"" + id + "\",\"name\":\"Broth\"}");
        assertEquals(String.valueOf(id), renamed.body(), "the path's id is not used: cookbook/13");
        assertEquals(207, bob.send("PROPFIND", "/remote.php/dav/files/bob/Recipes/Broth/recipe.json", null,
                "Depth", "0").statusCode());
        assertEquals(500, bob.json("PUT", API + "/recipes/" + id, "{\"id\":\"" + id + "\",\"name\":\"Stew\"}")
                .statusCode(), "an update to a taken name is an uncaught RecipeExistsException");
        assertEquals(502, bob.send("DELETE", API + "/recipes/999999", null).statusCode());
    }

    @Test
    void searchFindsWordsInNamesKeywordsAndCategoriesAndUnderscoreMeansNoCategory() {
        create("{\"name\":\"Pancakes\",\"recipeCategory\":\"Breakfast\",\"keywords\":\"sweet\"}");
        create("{\"name\":\"Salad\",\"keywords\":\"green\"}");
        assertEquals(2, array("GET", API + "/search/breakfast%20green").size());
        assertEquals("Salad", array("GET", API + "/category/_").getJsonObject(0).getString("name"));
        JsonArray categories = array("GET", API + "/categories");
        assertEquals("{\"name\":\"*\",\"recipe_count\":1}", categories.getJsonObject(1).toString());
        assertEquals(1, array("GET", API + "/recipes?keywords=sweet").size());
    }

    @Test
    void importFetchesThePageAndStoresItsJsonLdRecipe() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/pie", exchange -> {
            byte[] page = ("<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                    + "\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"Recipe\",\"name\":\"Apple pie\","
                    + "\"recipeIngredient\":[\"apples\"],\"totalTime\":\"PT1H\"}]}</script></head></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/pie";
        HttpResponse<String> imported = bob.json("POST", API + "/import", "{\"url\":\"" + url + "\"}");
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject recipe = SimHttp.parse(imported).asJsonObject();
        assertEquals("Apple pie", recipe.getString("name"));
        assertEquals(url, recipe.getString("url"));
        assertEquals("PT1H0M0S", recipe.getString("totalTime"));
        assertEquals(409, bob.json("POST", API + "/import", "{\"url\":\"" + url + "\"}").statusCode());
        HttpResponse<String> nothing = bob.json("POST", API + "/import", "{\"url\":\"http://127.0.0.1:" + site.getAddress().getPort() + "/empty\"}");
        assertEquals(400, nothing.statusCode());
        assertEquals(400, bob.json("POST", API + "/import", "{}").statusCode());
    }

    @Test
    void theRecipeFolderIsConfigurable() {
        assertEquals("\"OK\"", bob.json("POST", API + "/config", "{\"folder\":\"/Food/\",\"print_image\":false}").body());
        JsonObject config = SimHttp.parse(bob.send("GET", API + "/config", null)).asJsonObject();
        assertEquals("/Food", config.getString("folder"));
        assertEquals(false, config.getBoolean("print_image"));
        create("{\"name\":\"Toast\"}");
        assertEquals(207, bob.send("PROPFIND", "/remote.php/dav/files/bob/Food/Toast/recipe.json", null,
                "Depth", "0").statusCode());
        assertEquals("\"Search index rebuilt successfully\"", bob.send("POST", API + "/reindex", null).body());
    }

    @Test
    void theDemoHasRecipes() {
        try (NextcloudSimulator demo = NextcloudSimulator.builder().user("demo", "pw").sampleData(true).build().start()) {
            assertEquals(2, SimHttp.parse(new SimHttp(demo, "demo", "pw").send("GET", API + "/recipes", null))
                    .asJsonArray().size());
        }
    }

    private long create(String json) {
        HttpResponse<String> created = bob.json("POST", API + "/recipes", json);
        assertEquals(200, created.statusCode(), created.body());
        return Long.parseLong(created.body());
    }

    private JsonObject get(long id) {
        return SimHttp.parse(bob.send("GET", API + "/recipes/" + id, null)).asJsonObject();
    }

    private JsonArray array(String method, String path) {
        return SimHttp.parse(bob.send(method, path, null)).asJsonArray();
    }
}
