package dev.ncmcp.plugin.tables;

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

class TablesPluginContractTest {

    /** Each tool with what it may do: r = read-only, a = additive, i = idempotent change, d = destructive. */
    private static final Map<String, String> TOOLS = Map.of(
            "nc_tables_list_tables", "r", "nc_tables_get_table", "r", "nc_tables_read_rows", "r",
            "nc_tables_get_row", "r", "nc_tables_insert_row", "a", "nc_tables_update_row", "i",
            "nc_tables_delete_row", "d");

    private static NextcloudPlugin plugin() {
        return PluginContract.soleProvider();
    }

    @Test
    void serviceLoaderFindsTheTablesPluginGatedOnFilesSharing() {
        NextcloudPlugin plugin = plugin();
        assertInstanceOf(TablesPlugin.class, plugin);
        assertEquals("tables", plugin.id());
        assertEquals("tables", plugin.nextcloudApp().orElseThrow());
        assertEquals(List.of("scan.limit"), plugin.configuration().stream().map(key -> key.name()).toList());
        assertEquals(Set.of(TablesPlugin.READ, TablesPlugin.WRITE),
                Set.copyOf(plugin.scopes().stream().map(ScopeDefinition::scope).toList()));
    }

    @Test
    void everyToolHasItsScopeAndAccurateAnnotations() {
        List<ToolDefinition> tools = plugin().tools();
        assertEquals(TOOLS.keySet(), Set.copyOf(tools.stream().map(ToolDefinition::name).toList()));
        for (ToolDefinition tool : tools) {
            String kind = TOOLS.get(tool.name());
            assertEquals(Set.of(kind.equals("r") ? TablesPlugin.READ : TablesPlugin.WRITE), tool.requiredScopes(),
                    tool.name());
            assertEquals(kind.equals("r"), tool.annotations().readOnly(), tool.name());
            assertEquals(kind.equals("i") || kind.equals("d"), tool.annotations().destructive(), tool.name());
            assertEquals(kind.equals("r") || kind.equals("i"), tool.annotations().idempotent(), tool.name());
            assertTrue(!tool.annotations().openWorld(), tool.name() + " stays inside the user's Nextcloud");
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
