package dev.ncmcp.plugin.tables;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

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
        List<NextcloudPlugin> found = new ArrayList<>();
        ServiceLoader.load(NextcloudPlugin.class).forEach(found::add);
        assertEquals(1, found.size(), "exactly one NextcloudPlugin provider expected, found " + found);
        return found.getFirst();
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
            assertEquals(List.of(), JsonSchemaValidator.verify(tool.inputSchema()), tool.name());
            assertEquals(List.of(), JsonSchemaValidator.verify(tool.outputSchema()), tool.name());
            assertDescribed(tool.name() + " input", tool.inputSchema());
            assertDescribed(tool.name() + " output", tool.outputSchema());
            assertTrue(tool.description().length() > 80 && tool.description().toLowerCase().contains("return"), tool.name());
        }
    }

    private static void assertDescribed(String where, JsonObject schema) {
        if (!(schema.get("properties") instanceof JsonObject properties)) {
            return;
        }
        properties.forEach((name, value) -> {
            JsonObject property = value.asJsonObject();
            assertTrue(property.containsKey("description"), where + ": '" + name + "' has no description");
            assertDescribed(where + "." + name, property);
            if (property.get("items") instanceof JsonObject items && items.getValueType() == JsonValue.ValueType.OBJECT) {
                assertDescribed(where + "." + name + "[]", items);
            }
        });
    }
}
