package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.plugintest.PluginContract;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ncmcp.plugintest.PluginContract.assertDescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CookbookPluginContractTest {

    /**
     * Each tool with what it may do: r = read-only, a = additive, i = idempotent change, d = destructive,
     * w = reaches the web (import), x = rebuilds the index (idempotent, destroys nothing).
     */
    private static final Map<String, String> TOOLS = Map.ofEntries(
            Map.entry("nc_cookbook_list_recipes", "r"), Map.entry("nc_cookbook_search_recipes", "r"),
            Map.entry("nc_cookbook_get_recipe", "r"), Map.entry("nc_cookbook_list_categories", "r"),
            Map.entry("nc_cookbook_list_keywords", "r"), Map.entry("nc_cookbook_get_config", "r"),
            Map.entry("nc_cookbook_create_recipe", "a"), Map.entry("nc_cookbook_import_recipe", "w"),
            Map.entry("nc_cookbook_update_recipe", "i"), Map.entry("nc_cookbook_set_config", "i"),
            Map.entry("nc_cookbook_delete_recipe", "d"), Map.entry("nc_cookbook_reindex", "x"));

    private static NextcloudPlugin plugin() {
        return PluginContract.soleProvider();
    }

    @Test
    void serviceLoaderFindsTheCookbookPluginGatedOnFilesSharing() {
        NextcloudPlugin plugin = plugin();
        assertInstanceOf(CookbookPlugin.class, plugin);
        assertEquals("cookbook", plugin.id());
        assertEquals("cookbook", plugin.nextcloudApp().orElseThrow());
        assertEquals(Set.of(CookbookPlugin.READ, CookbookPlugin.WRITE),
                Set.copyOf(plugin.scopes().stream().map(ScopeDefinition::scope).toList()));
    }

    @Test
    void everyToolHasItsScopeAndAccurateAnnotations() {
        List<ToolDefinition> tools = plugin().tools();
        assertEquals(TOOLS.keySet(), Set.copyOf(tools.stream().map(ToolDefinition::name).toList()));
        for (ToolDefinition tool : tools) {
            String kind = TOOLS.get(tool.name());
            assertEquals(Set.of(kind.equals("r") ? CookbookPlugin.READ : CookbookPlugin.WRITE), tool.requiredScopes(),
                    tool.name());
            assertEquals(kind.equals("r"), tool.annotations().readOnly(), tool.name());
            assertEquals(kind.equals("i") || kind.equals("d"), tool.annotations().destructive(), tool.name());
            assertEquals(kind.equals("r") || kind.equals("i") || kind.equals("x"), tool.annotations().idempotent(),
                    tool.name());
            assertEquals(kind.equals("w"), tool.annotations().openWorld(), tool.name() + ": only the import reaches "
                    + "beyond the user's Nextcloud");
        }
    }

    @Test
    void everySchemaIsValidAndEveryPropertyDescribed() {
        for (ToolDefinition tool : plugin().tools()) {
            PluginContract.assertSchemasVerify(tool);
            assertDescribed(tool.name() + " input", tool.inputSchema());
            assertDescribed(tool.name() + " output", tool.outputSchema());
            assertTrue(tool.description().length() > 80 && tool.description().toLowerCase().contains("return"), tool.name());
        }
    }
}
