package dev.ncmcp.plugin.files;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.ConfigKey;
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
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesPluginContractTest {

    private static final Pattern NAME = Pattern.compile("nc_files_[a-z]+(_[a-z]+)*");
    private static final Set<String> EXPECTED = Set.of("nc_files_list_directory", "nc_files_read_file",
            "nc_files_write_file", "nc_files_create_directory", "nc_files_delete", "nc_files_move",
            "nc_files_copy", "nc_files_search", "nc_files_list_favorites");
    private static final Set<String> READ_TOOLS = Set.of("nc_files_list_directory", "nc_files_read_file",
            "nc_files_search", "nc_files_list_favorites");

    private final NextcloudPlugin plugin = FilesToolsIT.plugin(Map.of());

    @Test
    void serviceLoaderFindsExactlyOneProvider() {
        List<NextcloudPlugin> found = ServiceLoader.load(NextcloudPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size(), "providers: " + found);
        assertInstanceOf(FilesPlugin.class, found.getFirst());
        assertEquals("files", found.getFirst().id());
        assertTrue(found.getFirst().nextcloudApp().isEmpty(), "files is a core feature, no app id");
    }

    @Test
    void declaresReadAndWriteScopesWithDescriptions() {
        Set<Scope> scopes = plugin.scopes().stream().map(ScopeDefinition::scope).collect(Collectors.toSet());
        assertEquals(Set.of(Scope.read("files"), Scope.write("files")), scopes);
        plugin.scopes().forEach(s -> assertTrue(s.description().length() > 20, s.toString()));
    }

    @Test
    void offersTheNineToolsWithConventionalNames() {
        Set<String> names = new HashSet<>();
        for (ToolDefinition tool : plugin.tools()) {
            assertTrue(NAME.matcher(tool.name()).matches(), tool.name());
            assertTrue(names.add(tool.name()), "duplicate " + tool.name());
        }
        assertEquals(EXPECTED, names);
    }

    @Test
    void readToolsAreReadOnlyAndNeedOnlyTheReadScope() {
        for (ToolDefinition tool : plugin.tools()) {
            if (READ_TOOLS.contains(tool.name())) {
                assertEquals(Set.of(FilesPlugin.READ), tool.requiredScopes(), tool.name());
                assertTrue(tool.annotations().readOnly(), tool.name());
            } else {
                assertEquals(Set.of(FilesPlugin.WRITE), tool.requiredScopes(), tool.name());
                assertFalse(tool.annotations().readOnly(), tool.name());
            }
            assertFalse(tool.annotations().openWorld(), tool.name());
        }
        Map<String, ToolDefinition> byName = plugin.tools().stream()
                .collect(Collectors.toMap(ToolDefinition::name, t -> t));
        assertTrue(byName.get("nc_files_write_file").annotations().destructive());
        assertTrue(byName.get("nc_files_delete").annotations().destructive());
        assertTrue(byName.get("nc_files_move").annotations().destructive());
        assertFalse(byName.get("nc_files_create_directory").annotations().destructive());
    }

    @Test
    void schemasAreValidAndEveryInputPropertyIsDescribed() {
        for (ToolDefinition tool : plugin.tools()) {
            assertEquals(List.of(), JsonSchemaValidator.verify(tool.inputSchema()), tool.name() + " input");
            assertNotNull(tool.outputSchema(), tool.name() + " has an output schema");
            assertEquals(List.of(), JsonSchemaValidator.verify(tool.outputSchema()), tool.name() + " output");
            assertEquals("object", tool.outputSchema().getString("type"), tool.name());
            JsonObject properties = tool.inputSchema().getJsonObject("properties");
            assertFalse(properties.isEmpty(), tool.name());
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                JsonObject schema = property.getValue().asJsonObject();
                assertTrue(schema.get("description") instanceof JsonString d && d.getString().length() > 10,
                        tool.name() + "." + property.getKey() + " needs a description");
            }
            if (tool.inputSchema().containsKey("required")) {
                tool.inputSchema().getJsonArray("required").getValuesAs(JsonString.class)
                        .forEach(r -> assertTrue(properties.containsKey(r.getString()), tool.name() + " requires " + r));
            }
        }
    }

    @Test
    void titlesAndDescriptionsAreActionable() {
        for (ToolDefinition tool : plugin.tools()) {
            assertTrue(tool.title().length() >= 4 && tool.title().length() <= 40, tool.name());
            assertTrue(tool.description().length() > 80, tool.name() + " description too short");
            assertFalse(tool.description().contains("  "), tool.name() + " description has double spaces");
        }
    }

    @Test
    void maxReadSizeIsConfigurable() {
        assertTrue(readTool(Map.of("read.limit", "1234")).description().contains("1234"));
        ConfigKey limit = plugin.configuration().getFirst();
        assertEquals("plugins.files.read.limit", limit.path("files"));
        assertEquals("PLUGINS_FILES_READ_LIMIT", limit.variable("files"));
        assertTrue(readTool(Map.of("read.limit", "777")).description().contains(" 777 bytes"));
        assertTrue(readTool(Map.of()).description().contains(" " + 5 * 1024 * 1024 + " bytes"), "5 MiB by default");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> readTool(Map.of("read.limit", "0")));
        assertTrue(zero.getMessage().contains("PLUGINS_FILES_READ_LIMIT"), zero.getMessage());
    }

    @Test
    void toolsBeforeInitIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FilesPlugin().tools());
        assertTrue(e.getMessage().contains("init"), e.getMessage());
    }

    private static ToolDefinition readTool(Map<String, String> settings) {
        return FilesToolsIT.plugin(settings).tools().stream()
                .filter(t -> t.name().equals("nc_files_read_file")).findFirst().orElseThrow();
    }
}
