package dev.ncmcp.plugin.notes;

import dev.ncmcp.server.mcp.schema.JsonSchemaValidator;
import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceRequest;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A simulator, a real client on it, and the Notes tools called the way the server calls them. */
final class NotesHarness implements AutoCloseable {

    static final String USER = "bob";
    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {NotesPlugin.READ, NotesPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClientFactory clients;
    final NextcloudClient client;
    private final NotesPlugin plugin = new NotesPlugin();

    NotesHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user(USER, PASSWORD).user("carol", "carol-app-password").notesAppDisabledFor("carol")
                .sampleData(false).build().start();
        clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl())
                .maxRetryDelay(Duration.ofSeconds(2)).build());
        client = clients.appPassword(USER, PASSWORD);
    }

    ToolDefinition tool(String name) {
        return plugin.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Calls a tool as bob; checks the arguments against the input schema and the result against the output schema. */
    ToolResult call(String name, JsonObject args) throws ToolException {
        return call(client, name, args);
    }

    ToolResult call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        ToolDefinition tool = tool(name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments"), name + " arguments");
        ToolResult result = tool.handler().call(TestInvocation.of(args, as, ALL));
        assertFalse(result.isError());
        assertNotNull(result.structuredContent(), name + " returns structured content");
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(), "structuredContent"),
                name + " output must conform to its output schema");
        return result;
    }

    JsonObject structured(String name, JsonObject args) throws ToolException {
        return call(name, args).structuredContent().asJsonObject();
    }

    ToolException failure(String name, JsonObject args) {
        return failure(client, name, args);
    }

    ToolException failure(NextcloudClient as, String name, JsonObject args) {
        ToolDefinition tool = tool(name);
        ToolException e = assertThrows(ToolException.class, () -> {
            // as the server does: arguments that fail the input schema never reach the handler
            List<String> problems = JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments");
            if (!problems.isEmpty()) {
                throw ToolException.invalidArgument(String.join("; ", problems));
            }
            tool.handler().call(TestInvocation.of(args, as, ALL));
        });
        assertFalse(e.getMessage().contains(PASSWORD), "messages never carry the app password");
        assertFalse(e.getMessage().toLowerCase().contains("authorization"), "messages never carry Authorization");
        return e;
    }

    JsonObject createNote(String title, String content, String category) throws ToolException {
        return structured("nc_notes_create_note", args("title", title, "content", content, "category", category));
    }

    List<ResourceContents> readResource(String uri, Map<String, String> variables) throws ToolException {
        ResourceRequest request = new ResourceRequest() {
            public String uri() {
                return uri;
            }

            public Map<String, String> variables() {
                return variables;
            }

            public NextcloudClient nextcloud() {
                return client;
            }

            public Caller caller() {
                return new Caller(USER, USER, Set.of(ALL));
            }
        };
        return uri.startsWith("nc-notes://note/")
                ? plugin.resourceTemplates().getFirst().reader().read(request)
                : plugin.resources().getFirst().reader().read(request);
    }

    /** Arguments from alternating names and values (String, Number, Boolean). */
    static JsonObject args(Object... pairs) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String key = (String) pairs[i];
            switch (pairs[i + 1]) {
                case String s -> b.add(key, s);
                case Integer n -> b.add(key, n);
                case Long n -> b.add(key, n);
                case Boolean flag -> b.add(key, flag);
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
