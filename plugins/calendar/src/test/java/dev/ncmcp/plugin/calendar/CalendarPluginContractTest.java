package dev.ncmcp.plugin.calendar;

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

class CalendarPluginContractTest {

    private static final Pattern NAME = Pattern.compile("nc_calendar_[a-z]+(_[a-z]+)*");
    private final NextcloudPlugin plugin = new CalendarPlugin();
    private final Map<String, ToolDefinition> tools = plugin.tools().stream()
            .collect(Collectors.toMap(ToolDefinition::name, t -> t));

    @Test
    void serviceLoaderFindsTheCalendarPluginGatedOnTheDavApp() {
        List<NextcloudPlugin> found = ServiceLoader.load(NextcloudPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size(), "providers: " + found);
        assertInstanceOf(CalendarPlugin.class, found.getFirst());
        assertEquals(Optional.of("dav"), found.getFirst().nextcloudApp());
    }

    @Test
    void calendarAndTasksHaveTheirOwnReadAndWriteScopes() {
        assertEquals(Set.of(Scope.read("calendar"), Scope.write("calendar"), Scope.read("tasks"), Scope.write("tasks")),
                plugin.scopes().stream().map(ScopeDefinition::scope).collect(Collectors.toSet()));
        for (ToolDefinition tool : plugin.tools()) {
            assertEquals(1, tool.requiredScopes().size(), tool.name());
            Scope scope = tool.requiredScopes().iterator().next();
            assertEquals(tool.name().contains("task") ? "tasks" : "calendar", scope.app(), tool.name());
            assertEquals(tool.annotations().readOnly(), scope.access().equals("read"), tool.name());
            assertFalse(tool.annotations().openWorld(), tool.name());
        }
    }

    @Test
    void offersTheTwentyOneToolsWithConventionalNamesAndHonestAnnotations() {
        assertEquals(21, tools.size());
        tools.keySet().forEach(name -> assertTrue(NAME.matcher(name).matches(), name));
        for (String destructive : List.of("nc_calendar_delete_calendar", "nc_calendar_delete_event",
                "nc_calendar_delete_task", "nc_calendar_update_event", "nc_calendar_update_task")) {
            assertTrue(tools.get(destructive).annotations().destructive(), destructive);
        }
        for (String additive : List.of("nc_calendar_create_calendar", "nc_calendar_create_event",
                "nc_calendar_create_meeting", "nc_calendar_create_task")) {
            assertFalse(tools.get(additive).annotations().destructive(), additive);
            assertFalse(tools.get(additive).annotations().idempotent(), additive);
        }
        assertTrue(tools.get("nc_calendar_update_calendar").annotations().idempotent());
        assertTrue(tools.get("nc_calendar_delete_calendar").description().contains("confirm"));
        assertTrue(tools.get("nc_calendar_delete_calendar").inputSchema().getJsonArray("required").toString()
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
            assertTrue(tool.description().length() > 80, tool.name());
            assertFalse(tool.description().contains("  "), tool.name());
            assertTrue(tool.title().length() >= 4 && tool.title().length() <= 40, tool.name());
        }
    }
}
