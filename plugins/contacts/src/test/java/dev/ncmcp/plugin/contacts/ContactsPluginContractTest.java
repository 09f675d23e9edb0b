package dev.ncmcp.plugin.contacts;

import dev.ncmcp.plugintest.PluginContract;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactsPluginContractTest {

    private static final Pattern NAME = Pattern.compile("nc_contacts_[a-z]+(_[a-z]+)*");
    private final NextcloudPlugin plugin = new ContactsPlugin();
    private final Map<String, ToolDefinition> tools = plugin.tools().stream()
            .collect(Collectors.toMap(ToolDefinition::name, t -> t));

    @Test
    void serviceLoaderFindsTheContactsPluginGatedOnTheDavApp() {
        List<NextcloudPlugin> found = ServiceLoader.load(NextcloudPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size(), "providers: " + found);
        assertInstanceOf(ContactsPlugin.class, found.getFirst());
        assertEquals(Optional.of("dav"), found.getFirst().nextcloudApp());
    }

    @Test
    void readToolsNeedContactsReadAndWritesContactsWrite() {
        assertEquals(Set.of(Scope.read("contacts"), Scope.write("contacts")),
                plugin.scopes().stream().map(ScopeDefinition::scope).collect(Collectors.toSet()));
        for (ToolDefinition tool : plugin.tools()) {
            Scope scope = tool.requiredScopes().iterator().next();
            assertEquals(1, tool.requiredScopes().size(), tool.name());
            assertEquals(tool.annotations().readOnly(), scope.access().equals("read"), tool.name());
            assertFalse(tool.annotations().openWorld(), tool.name());
        }
    }

    @Test
    void offersTheNineToolsWithConventionalNamesAndHonestAnnotations() {
        assertEquals(9, tools.size());
        tools.keySet().forEach(name -> assertTrue(NAME.matcher(name).matches(), name));
        for (String destructive : List.of("nc_contacts_delete_address_book", "nc_contacts_delete_contact",
                "nc_contacts_update_contact")) {
            assertTrue(tools.get(destructive).annotations().destructive(), destructive);
        }
        assertFalse(tools.get("nc_contacts_create_contact").annotations().destructive());
        assertTrue(tools.get("nc_contacts_delete_address_book").inputSchema().getJsonArray("required").toString()
                .contains("confirm"));
    }

    @Test
    void schemasAreValidAndEveryPropertyIsDescribed() {
        for (ToolDefinition tool : plugin.tools()) {
            PluginContract.assertSchemasVerify(tool);
            JsonObject properties = tool.inputSchema().getJsonObject("properties");
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                assertTrue(property.getValue().asJsonObject().get("description") instanceof JsonString d
                        && d.getString().length() > 3, tool.name() + "." + property.getKey());
            }
            assertTrue(tool.description().length() > 40, tool.name());
            assertFalse(tool.description().contains("  "), tool.name());
            assertTrue(tool.title().length() >= 4 && tool.title().length() <= 40, tool.name());
        }
    }
}
