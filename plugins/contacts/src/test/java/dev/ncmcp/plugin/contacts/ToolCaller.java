package dev.ncmcp.plugin.contacts;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls the contacts plugin's tools as the server does: arguments and results checked against their schemas. */
final class ToolCaller {

    private final Map<String, ToolDefinition> tools = new ContactsPlugin().tools().stream()
            .collect(Collectors.toMap(ToolDefinition::name, t -> t));
    private final NextcloudClient client;
    private final String secret;

    ToolCaller(NextcloudClient client, String secret) {
        this.client = client;
        this.secret = secret;
    }

    JsonObject call(String name, JsonObject arguments) throws ToolException {
        ToolDefinition tool = tools.get(name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.inputSchema(), arguments, "arguments"), name);
        ToolResult result = tool.handler().call(TestInvocation.of(arguments, client, ContactsPlugin.READ, ContactsPlugin.WRITE));
        assertFalse(result.isError(), name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(),
                "structuredContent"), name + " output: " + result.structuredContent());
        String text = result.content().stream().filter(c -> c instanceof Content.Text)
                .map(c -> ((Content.Text) c).text()).collect(Collectors.joining());
        assertFalse(text.contains(secret), "no credentials in results");
        return result.structuredContent().asJsonObject();
    }

    JsonObject call(String name, Object... keysAndValues) throws ToolException {
        return call(name, args(keysAndValues));
    }

    ToolException fails(ToolException.Kind kind, String contains, String name, Object... keysAndValues) {
        ToolException e = assertThrows(ToolException.class, () -> call(name, args(keysAndValues)), name);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(contains), e.getMessage());
        assertFalse(e.getMessage().contains(secret), "no credentials in errors");
        return e;
    }

    /** {@code "key", value, …}: strings, numbers, booleans, JSON values, lists of strings. */
    static JsonObject args(Object... keysAndValues) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object v = keysAndValues[i + 1];
            switch (v) {
                case String s -> b.add(key, s);
                case Integer n -> b.add(key, n);
                case Boolean f -> b.add(key, f);
                case JsonValue j -> b.add(key, j);
                case List<?> l -> b.add(key, Json.createArrayBuilder(l).build());
                default -> throw new IllegalArgumentException(v.getClass().toString());
            }
        }
        return b.build();
    }

    static JsonArray array(JsonValue... values) {
        var b = Json.createArrayBuilder();
        for (JsonValue v : values) {
            b.add(v);
        }
        return b.build();
    }
}
