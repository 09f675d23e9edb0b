package dev.ncmcp.plugin.contacts;

import dev.ncmcp.plugintest.Args;
import dev.ncmcp.plugintest.ToolCalls;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls the contacts plugin's tools as the server does: arguments and results checked against their schemas. */
final class ToolCaller {

    private final ToolCalls calls = new ToolCalls(new ContactsPlugin(), ContactsPlugin.READ, ContactsPlugin.WRITE);
    private final NextcloudClient client;
    private final String secret;

    ToolCaller(NextcloudClient client, String secret) {
        this.client = client;
        this.secret = secret;
    }

    JsonObject call(String name, JsonObject arguments) throws ToolException {
        ToolResult result = calls.result(client, name, arguments);
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

    /** {@code "key", value, …}: strings, numbers, booleans, JSON values, lists. */
    static JsonObject args(Object... keysAndValues) {
        return Args.of(keysAndValues);
    }

    static JsonArray array(JsonValue... values) {
        var b = Json.createArrayBuilder();
        for (JsonValue v : values) {
            b.add(v);
        }
        return b.build();
    }
}
