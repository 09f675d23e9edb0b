package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugintest.PluginContract;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ncmcp.plugintest.PluginContract.assertDescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeckPluginContractTest {

    private static final Scope READ = Scope.read("deck");
    private static final Scope WRITE = Scope.write("deck");
    private static final Set<String> READ_TOOLS = Set.of("nc_deck_list_boards", "nc_deck_get_board",
            "nc_deck_get_board_overview", "nc_deck_list_cards", "nc_deck_get_card", "nc_deck_list_comments",
            "nc_deck_list_attachments");
    private static final Set<String> DESTRUCTIVE = Set.of("nc_deck_delete_board", "nc_deck_unshare_board",
            "nc_deck_delete_stack", "nc_deck_delete_card", "nc_deck_delete_label", "nc_deck_delete_comment",
            "nc_deck_delete_attachment");
    private static final Set<String> ADDITIVE = Set.of("nc_deck_create_board", "nc_deck_create_stack",
            "nc_deck_create_card", "nc_deck_create_label", "nc_deck_add_comment", "nc_deck_attach_file");

    private static NextcloudPlugin plugin() {
        return PluginContract.soleProvider();
    }

    @Test
    void serviceLoaderFindsTheDeckPluginHiddenWithoutTheDeckApp() {
        NextcloudPlugin plugin = plugin();
        assertInstanceOf(DeckPlugin.class, plugin);
        assertEquals("deck", plugin.id());
        assertEquals("deck", plugin.nextcloudApp().orElseThrow());
        assertEquals(Set.of(READ, WRITE), new HashSet<>(plugin.scopes().stream().map(ScopeDefinition::scope).toList()));
    }

    @Test
    void toolNamesAreUniqueAndConventional() {
        List<String> names = plugin().tools().stream().map(ToolDefinition::name).toList();
        assertEquals(30, names.size(), names.toString());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate tool names: " + names);
        names.forEach(name -> assertTrue(name.matches("nc_deck_[a-z]+(_[a-z]+)+"), name));
        assertTrue(names.containsAll(READ_TOOLS) && names.containsAll(DESTRUCTIVE) && names.containsAll(ADDITIVE));
    }

    @Test
    void readToolsNeedDeckReadAndWriteToolsDeckWrite() {
        for (ToolDefinition tool : plugin().tools()) {
            boolean reads = READ_TOOLS.contains(tool.name());
            assertEquals(Set.of(reads ? READ : WRITE), tool.requiredScopes(), tool.name());
            assertEquals(reads, tool.annotations().readOnly(), tool.name());
        }
    }

    @Test
    void annotationsSayWhatEachWriteDoes() {
        for (ToolDefinition tool : plugin().tools()) {
            if (READ_TOOLS.contains(tool.name())) {
                continue;
            }
            assertFalse(tool.annotations().openWorld(), tool.name());
            if (DESTRUCTIVE.contains(tool.name())) {
                assertTrue(tool.annotations().destructive(), tool.name() + " deletes");
            } else if (ADDITIVE.contains(tool.name())) {
                assertFalse(tool.annotations().destructive() || tool.annotations().idempotent(), tool.name() + " adds");
            } else {
                assertTrue(tool.annotations().idempotent(), tool.name() + " changes in place: repeating it changes nothing");
            }
        }
    }

    @Test
    void everySchemaPropertyIsDescribedAndUsesOnlyWhatTheValidatorEnforces() {
        for (ToolDefinition tool : plugin().tools()) {
            assertDescribed(tool.name() + " input", tool.inputSchema());
            assertNotNull(tool.outputSchema(), tool.name());
            assertDescribed(tool.name() + " output", tool.outputSchema());
            PluginContract.assertSchemasVerify(tool);
            JsonObject properties = tool.inputSchema().getJsonObject("properties");
            tool.inputSchema().getOrDefault("required", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()
                    .getValuesAs(JsonString.class)
                    .forEach(name -> assertTrue(properties.containsKey(name.getString()), tool.name() + ": " + name));
        }
    }

    @Test
    void descriptionsSayWhatTheToolsReturnAndNameOnlyRealArguments() {
        List<ToolDefinition> tools = plugin().tools();
        Set<String> names = new HashSet<>(tools.stream().map(ToolDefinition::name).toList());
        for (ToolDefinition tool : tools) {
            assertFalse(tool.title().isBlank());
            assertTrue(tool.description().length() > 80, tool.name() + " description is too short to act on");
            assertTrue(tool.description().toLowerCase().contains("return"), tool.name() + " should say what it returns");
            java.util.regex.Matcher mentioned = java.util.regex.Pattern.compile("nc_deck_[a-z_]+").matcher(tool.description());
            while (mentioned.find()) {
                assertTrue(names.contains(mentioned.group()), tool.name() + " mentions " + mentioned.group());
            }
        }
    }

    @Test
    void theBoardResourceNeedsDeckRead() {
        NextcloudPlugin plugin = plugin();
        assertEquals(List.of("nc-deck://board/{id}"), plugin.resourceTemplates().stream().map(r -> r.uriTemplate()).toList());
        plugin.resourceTemplates().forEach(r -> assertEquals(Set.of(READ), r.requiredScopes()));
    }
}
