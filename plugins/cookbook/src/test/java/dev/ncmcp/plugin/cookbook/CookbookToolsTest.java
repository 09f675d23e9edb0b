package dev.ncmcp.plugin.cookbook;

import com.sun.net.httpserver.HttpServer;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.ncmcp.plugin.cookbook.CookbookHarness.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cookbook tools against the simulator as Nextcloud 31 (cookbook 0.11.9) and 29 (0.11.5). */
class CookbookToolsTest {

    private HttpServer site;

    /** A recipe site on loopback: the page Nextcloud downloads when importing. */
    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/lasagne", "<html><head><title>Lasagne</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Lasagne\","
                + "\"recipeYield\":\"6 servings\",\"totalTime\":\"PT1H30M\",\"recipeCategory\":\"Dinner\","
                + "\"recipeIngredient\":[\"pasta sheets\",\"tomato sauce\"],"
                + "\"recipeInstructions\":[{\"@type\":\"HowToStep\",\"text\":\"Layer.\"},"
                + "{\"@type\":\"HowToStep\",\"text\":\"Bake.\"}]}</script></head><body></body></html>");
        page("/blog", "<html><body>No recipe here.</body></html>");
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void aRecipeIsCreatedReadListedChangedAndDeleted(NextcloudVersion version) throws Exception {
        try (CookbookHarness nc = new CookbookHarness(version)) {
            JsonObject created = nc.call("nc_cookbook_create_recipe", args("name", "Pancakes", "description",
                    "Fluffy", "category", "Breakfast", "keywords", new String[] {"sweet", "quick"}, "servings", 4,
                    "prepTime", "PT10M", "cookTime", "PT15M", "ingredients", new String[] {"200 g flour", "2 eggs"},
                    "instructions", new String[] {"Mix.", "Fry."}, "tools", new String[] {"pan"}));
            long id = created.getJsonNumber("id").longValue();
            assertEquals("PT10M", created.getString("prepTime"), "cookbook stores PT0H10M0S");
            assertEquals(4, created.getInt("servings"));
            assertEquals(List.of("sweet", "quick"), strings(created, "keywords"));
            assertEquals(created, nc.call("nc_cookbook_get_recipe", args("id", id)));

            nc.call("nc_cookbook_create_recipe", args("name", "Toast"));
            assertEquals(2, nc.call("nc_cookbook_list_recipes", args()).getInt("total"));
            assertEquals(List.of("Pancakes"), names(nc.call("nc_cookbook_list_recipes", args("category", "breakfast"))));
            assertEquals(List.of("Toast"), names(nc.call("nc_cookbook_list_recipes", args("category", ""))));
            assertEquals(List.of("Pancakes"), names(nc.call("nc_cookbook_list_recipes",
                    args("keywords", new String[] {"Quick", "sweet"}))));
            assertEquals(List.of(), names(nc.call("nc_cookbook_list_recipes",
                    args("keywords", new String[] {"quick", "savoury"}))));

            JsonObject changed = nc.call("nc_cookbook_update_recipe", args("id", id, "name", "Crêpes",
                    "keywords", new String[] {"sweet"}, "cookTime", ""));
            assertEquals("Crêpes", changed.getString("name"));
            assertEquals("Fluffy", changed.getString("description"), "untouched");
            assertEquals(List.of("sweet"), strings(changed, "keywords"));
            assertFalse(changed.containsKey("cookTime"));
            assertEquals(id, changed.getJsonNumber("id").longValue(), "a rename keeps the id");

            ToolException taken = nc.failure("nc_cookbook_update_recipe", args("id", id, "name", "Toast"));
            assertEquals(Kind.CONFLICT, taken.kind());
            assertEquals("Crêpes", nc.call("nc_cookbook_get_recipe", args("id", id)).getString("name"));

            assertTrue(nc.call("nc_cookbook_delete_recipe", args("id", id)).getBoolean("deleted"));
            ToolException gone = nc.failure("nc_cookbook_get_recipe", args("id", id));
            assertEquals(Kind.NOT_FOUND, gone.kind());
            assertTrue(gone.getMessage().contains("nc_cookbook_list_recipes"));
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_cookbook_delete_recipe", args("id", id)).kind());
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_cookbook_update_recipe", args("id", id, "name", "X")).kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void searchCategoriesAndKeywordsAnswerFromTheIndex(NextcloudVersion version) throws Exception {
        try (CookbookHarness nc = new CookbookHarness(version)) {
            nc.call("nc_cookbook_create_recipe", args("name", "Soup 100% tomato", "category", "Dinner + Lunch",
                    "keywords", new String[] {"vegetarian", "quick"}));
            nc.call("nc_cookbook_create_recipe", args("name", "Pancakes", "category", "Breakfast",
                    "keywords", new String[] {"sweet"}));
            nc.call("nc_cookbook_create_recipe", args("name", "Bread"));
            assertEquals(List.of("Pancakes", "Soup 100% tomato"),
                    names(nc.call("nc_cookbook_search_recipes", args("query", "sweet vegetarian"))));
            assertEquals(List.of("Soup 100% tomato"), names(nc.call("nc_cookbook_search_recipes", args("query", "100%"))));
            assertEquals(List.of("Soup 100% tomato"), names(nc.call("nc_cookbook_search_recipes", args("query", "+ lunch"))));
            assertEquals(List.of("Soup 100% tomato"),
                    names(nc.call("nc_cookbook_list_recipes", args("category", "Dinner + Lunch"))));

            JsonObject categories = nc.call("nc_cookbook_list_categories", args());
            assertEquals(1, categories.getInt("uncategorized"));
            assertEquals("[{\"name\":\"Breakfast\",\"recipeCount\":1},{\"name\":\"Dinner + Lunch\",\"recipeCount\":1}]",
                    categories.getJsonArray("categories").toString());
            assertEquals(List.of("quick", "sweet", "vegetarian"), nc.call("nc_cookbook_list_keywords", args())
                    .getJsonArray("keywords").getValuesAs(JsonObject.class).stream().map(k -> k.getString("name")).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void importTakesTheRecipeOfARealWebPage(NextcloudVersion version) throws Exception {
        try (CookbookHarness nc = new CookbookHarness(version)) {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/lasagne";
            JsonObject imported = nc.call("nc_cookbook_import_recipe", args("url", url));
            assertEquals("Lasagne", imported.getString("name"));
            assertEquals(6, imported.getInt("servings"));
            assertEquals("PT1H30M", imported.getString("totalTime"));
            assertEquals(List.of("Layer.", "Bake."), strings(imported, "instructions"));
            assertEquals(url, imported.getString("url"));
            assertEquals(imported, nc.call("nc_cookbook_get_recipe", args("id", imported.getInt("id"))));

            assertEquals(Kind.CONFLICT, nc.failure("nc_cookbook_import_recipe", args("url", url)).kind());
            ToolException none = nc.failure("nc_cookbook_import_recipe", args("url",
                    "http://127.0.0.1:" + site.getAddress().getPort() + "/blog"));
            assertEquals(Kind.INVALID_ARGUMENT, none.kind());
            assertTrue(none.getMessage().contains("Could not find recipe in HTML code."), none.getMessage());
            assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_cookbook_import_recipe", args("url", "file:///etc/passwd"))
                    .kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void settingsChangeWhereRecipesAreAndTheIndexCanBeRebuilt(NextcloudVersion version) throws Exception {
        try (CookbookHarness nc = new CookbookHarness(version)) {
            JsonObject config = nc.call("nc_cookbook_get_config", args());
            assertEquals("/Recipes", config.getString("folder"));
            assertEquals(5, config.getInt("updateInterval"));
            assertTrue(config.getJsonObject("visibleInfoBlocks").getBoolean("tools"));
            nc.call("nc_cookbook_create_recipe", args("name", "Toast"));

            JsonObject moved = nc.call("nc_cookbook_set_config", args("folder", "Food/Recipes/", "updateInterval", 30,
                    "printImage", false));
            assertEquals("/Food/Recipes", moved.getString("folder"));
            assertEquals(30, moved.getInt("updateInterval"));
            assertFalse(moved.getBoolean("printImage"));
            assertEquals(0, nc.call("nc_cookbook_list_recipes", args()).getInt("total"), "the new folder is empty");
            assertEquals("Search index rebuilt successfully", nc.call("nc_cookbook_reindex", args()).getString("message"));
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void mistakesAreNamedAndRefusalsExplained(NextcloudVersion version) throws Exception {
        try (CookbookHarness nc = new CookbookHarness(version)) {
            nc.simulator.clearRequests();
            assertTrue(nc.failure("nc_cookbook_create_recipe", args("name", "Tea", "prepTime", "10 minutes"))
                    .getMessage().contains("'prepTime'"));
            assertTrue(nc.failure("nc_cookbook_create_recipe", args("name", "Tea", "keywords", new String[] {"a,b"}))
                    .getMessage().contains("'keywords'"));
            assertTrue(nc.failure("nc_cookbook_create_recipe", args("name", "//")).getMessage().contains("'name'"));
            assertTrue(nc.failure("nc_cookbook_update_recipe", args("id", 5)).getMessage().contains("Nothing to change"));
            assertTrue(nc.failure("nc_cookbook_set_config", args()).getMessage().contains("Nothing to change"));
            assertEquals(List.of(), nc.simulator.requests(), "no request reached Nextcloud");

            nc.call("nc_cookbook_create_recipe", args("name", "Tea"));
            ToolException twice = nc.failure("nc_cookbook_create_recipe", args("name", "Tea"));
            assertEquals(Kind.CONFLICT, twice.kind());
            assertTrue(twice.getMessage().contains("Another recipe with that name already exists"), twice.getMessage());
        }
    }

    private void page(String path, String html) {
        site.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static List<String> names(JsonObject list) {
        return list.getJsonArray("recipes").getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
