package dev.ncmcp.plugin.notes;

import dev.ncmcp.plugintest.PluginContract;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;
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

class NotesPluginContractTest {

    private static final Scope READ = Scope.read("notes");
    private static final Scope WRITE = Scope.write("notes");
    private static final Set<String> READ_TOOLS = Set.of("nc_notes_list_notes", "nc_notes_search_notes",
            "nc_notes_get_note", "nc_notes_get_attachment");

    private static NextcloudPlugin plugin() {
        return PluginContract.soleProvider();
    }

    @Test
    void serviceLoaderFindsExactlyTheNotesPlugin() {
        NextcloudPlugin plugin = plugin();
        assertInstanceOf(NotesPlugin.class, plugin);
        assertEquals("notes", plugin.id());
        assertEquals("notes", plugin.nextcloudApp().orElseThrow());
        assertEquals(Set.of(READ, WRITE), new HashSet<>(plugin.scopes().stream().map(s -> s.scope()).toList()));
    }

    @Test
    void toolsAreTheEightNotesToolsWithUniqueConventionalNames() {
        List<String> names = plugin().tools().stream().map(ToolDefinition::name).toList();
        assertEquals(8, names.size());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate tool names: " + names);
        names.forEach(name -> assertTrue(name.matches("nc_notes_[a-z_]+"), name));
        assertTrue(names.containsAll(READ_TOOLS));
        assertTrue(names.containsAll(List.of("nc_notes_create_note", "nc_notes_update_note",
                "nc_notes_append_to_note", "nc_notes_delete_note")));
    }

    @Test
    void readToolsRequireNotesReadAndAreAnnotatedReadOnly() {
        for (ToolDefinition tool : plugin().tools()) {
            if (READ_TOOLS.contains(tool.name())) {
                assertEquals(Set.of(READ), tool.requiredScopes(), tool.name());
                assertTrue(tool.annotations().readOnly(), tool.name() + " should be read-only");
            } else {
                assertEquals(Set.of(WRITE), tool.requiredScopes(), tool.name());
                assertFalse(tool.annotations().readOnly(), tool.name() + " writes");
            }
        }
    }

    @Test
    void destructiveAnnotationsMatchWhatTheToolsDo() {
        for (ToolDefinition tool : plugin().tools()) {
            switch (tool.name()) {
                case "nc_notes_delete_note" -> assertTrue(tool.annotations().destructive());
                case "nc_notes_update_note" -> {
                    assertTrue(tool.annotations().destructive());
                    assertTrue(tool.annotations().idempotent());
                }
                case "nc_notes_create_note", "nc_notes_append_to_note" -> assertFalse(tool.annotations().destructive());
                default -> assertFalse(tool.annotations().openWorld(), tool.name());
            }
        }
    }

    @Test
    void everySchemaPropertyHasADescription() {
        for (ToolDefinition tool : plugin().tools()) {
            assertDescribed(tool.name() + " input", tool.inputSchema());
            assertNotNull(tool.outputSchema(), tool.name() + " has no output schema");
            assertEquals("object", tool.outputSchema().getString("type"), tool.name());
            assertDescribed(tool.name() + " output", tool.outputSchema());
        }
    }

    @Test
    void everySchemaUsesOnlyWhatTheServersValidatorEnforces() {
        for (ToolDefinition tool : plugin().tools()) {
            PluginContract.assertSchemasVerify(tool);
        }
    }

    @Test
    void everyRequiredInputPropertyIsDeclared() {
        for (ToolDefinition tool : plugin().tools()) {
            JsonObject properties = tool.inputSchema().getJsonObject("properties");
            tool.inputSchema().getOrDefault("required", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(jakarta.json.JsonString.class)
                    .forEach(name -> assertTrue(properties.containsKey(name.getString()), tool.name() + ": " + name));
        }
    }

    @Test
    void toolsHaveTitlesAndDescriptionsThatSayWhatTheyReturn() {
        for (ToolDefinition tool : plugin().tools()) {
            assertFalse(tool.title().isBlank());
            assertTrue(tool.description().length() > 80, tool.name() + " description is too short to act on");
            assertTrue(tool.description().toLowerCase().contains("return"), tool.name() + " should say what it returns");
        }
    }

    @Test
    void resourcesNeedNotesRead() {
        NextcloudPlugin plugin = plugin();
        assertEquals(List.of("nc-notes://settings"), plugin.resources().stream().map(r -> r.uri()).toList());
        assertEquals(List.of("nc-notes://note/{id}"), plugin.resourceTemplates().stream().map(r -> r.uriTemplate()).toList());
        plugin.resources().forEach(r -> assertEquals(Set.of(READ), r.requiredScopes()));
        plugin.resourceTemplates().forEach(r -> assertEquals(Set.of(READ), r.requiredScopes()));
    }
}
