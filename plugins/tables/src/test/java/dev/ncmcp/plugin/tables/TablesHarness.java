package dev.ncmcp.plugin.tables;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A simulator with bob and alice, real clients on it, and the tools called as the server calls them. */
final class TablesHarness implements AutoCloseable {

    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {TablesPlugin.READ, TablesPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClient bob;
    final NextcloudClient alice;
    final TablesPlugin plugin = new TablesPlugin();

    TablesHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user("bob", PASSWORD, "Bob Tester").user("alice", "alice-app-password").sampleData(false).build().start();
        NextcloudClientFactory clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(simulator.baseUrl()).maxRetryDelay(Duration.ofSeconds(2)).build());
        bob = clients.appPassword("bob", PASSWORD);
        alice = clients.appPassword("alice", "alice-app-password");
    }

    /** Sends a request of the Tables API v1 as bob and returns the JSON answer. */
    JsonValue v1(String method, String path, String json) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.builder(method, "/index.php/apps/tables/api/1" + path);
        if (json != null) {
            request.json(Json.createReader(new StringReader(json)).readValue());
        }
        NextcloudResponse response = bob.send(request.build());
        assertEquals(200, response.status(), response.text());
        return response.json();
    }

    ToolDefinition tool(String name) {
        return plugin.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Calls a tool; checks the arguments against the input schema and the result against the output schema. */
    JsonObject call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        ToolDefinition tool = tool(name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments"), name + " arguments");
        ToolResult result = tool.handler().call(TestInvocation.of(args, as, ALL));
        assertFalse(result.isError());
        assertNotNull(result.structuredContent(), name + " returns structured content");
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(),
                "structuredContent"), name + " output must conform to its output schema");
        return result.structuredContent().asJsonObject();
    }

    JsonObject call(String name, JsonObject args) throws ToolException {
        return call(bob, name, args);
    }

    ToolException failure(NextcloudClient as, String name, JsonObject args) {
        ToolDefinition tool = tool(name);
        return assertThrows(ToolException.class, () -> {
            // as the server does: arguments that fail the input schema never reach the handler
            List<String> problems = JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments");
            if (!problems.isEmpty()) {
                throw ToolException.invalidArgument(String.join("; ", problems));
            }
            tool.handler().call(TestInvocation.of(args, as, ALL));
        });
    }

    ToolException failure(String name, JsonObject args) {
        return failure(bob, name, args);
    }

    /** JSON from text written with single quotes. */
    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    /** Arguments from alternating names and values (String, Number, Boolean, String[] for lists, JSON). */
    static JsonObject args(Object... pairs) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String key = (String) pairs[i];
            switch (pairs[i + 1]) {
                case String s -> b.add(key, s);
                case Integer n -> b.add(key, n);
                case Long n -> b.add(key, n);
                case Boolean flag -> b.add(key, flag);
                case JsonValue json -> b.add(key, json);
                case String[] list -> {
                    JsonArrayBuilder array = Json.createArrayBuilder();
                    for (String item : list) {
                        array.add(item);
                    }
                    b.add(key, array);
                }
                default -> throw new IllegalArgumentException(key);
            }
        }
        return b.build();
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
