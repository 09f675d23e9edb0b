package dev.ncmcp.plugintest;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every plugin's contract test makes. */
public final class PluginContract {

    private PluginContract() {
    }

    /** The one {@link NextcloudPlugin} provider {@link ServiceLoader} finds on the test's class path. */
    public static NextcloudPlugin soleProvider() {
        List<NextcloudPlugin> found = new ArrayList<>();
        ServiceLoader.load(NextcloudPlugin.class).forEach(found::add);
        assertEquals(1, found.size(), "exactly one NextcloudPlugin provider expected, found " + found);
        return found.getFirst();
    }

    /** Both schemas use only what the server's validator enforces. */
    public static void assertSchemasVerify(ToolDefinition tool) {
        assertEquals(List.of(), JsonSchemaValidator.verify(tool.inputSchema()), tool.name() + " input");
        assertEquals(List.of(), JsonSchemaValidator.verify(tool.outputSchema()), tool.name() + " output");
    }

    /** Every property of a schema, nested objects and array items included, has a description. */
    public static void assertDescribed(String where, JsonObject schema) {
        if (!(schema.get("properties") instanceof JsonObject properties)) {
            return;
        }
        properties.forEach((name, value) -> {
            JsonObject property = value.asJsonObject();
            assertTrue(property.get("description") instanceof jakarta.json.JsonString text
                    && !text.getString().isBlank(), where + ": property '" + name + "' has no description");
            assertDescribed(where + "." + name, property);
            if (property.get("items") instanceof JsonObject items && items.getValueType() == JsonValue.ValueType.OBJECT) {
                assertDescribed(where + "." + name + "[]", items);
            }
        });
    }
}
