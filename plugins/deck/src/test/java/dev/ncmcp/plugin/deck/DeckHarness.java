package dev.ncmcp.plugin.deck;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
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
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulator with bob and alice, real clients on it, and the Deck tools called the way the server calls them. */
final class DeckHarness implements AutoCloseable {

    static final String BOB_PASSWORD = "bob-app-password";
    static final String ALICE_PASSWORD = "alice-app-password";
    static final Scope[] ALL = {DeckPlugin.READ, DeckPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClientFactory clients;
    final NextcloudClient bob;
    final NextcloudClient alice;
    private final DeckPlugin plugin = new DeckPlugin();

    DeckHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user("bob", BOB_PASSWORD, "Bob Tester").user("alice", ALICE_PASSWORD, "Alice Example")
                .sampleData(false).build().start();
        clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl())
                .maxRetryDelay(Duration.ofSeconds(2)).build());
        bob = clients.appPassword("bob", BOB_PASSWORD);
        alice = clients.appPassword("alice", ALICE_PASSWORD);
    }

    ToolDefinition tool(String name) {
        return plugin.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Calls a tool as bob; checks the arguments against the input schema and the result against the output schema. */
    JsonObject call(String name, JsonObject args) throws ToolException {
        return call(bob, name, args);
    }

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

    ToolException failure(String name, JsonObject args) {
        return failure(bob, name, args);
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
        }, name + " " + args + " should fail");
        assertFalse(e.getMessage().contains(BOB_PASSWORD) || e.getMessage().contains(ALICE_PASSWORD),
                "messages never carry an app password");
        return e;
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
                return bob;
            }

            public Caller caller() {
                return new Caller("bob", "bob", Set.of(ALL));
            }
        };
        return plugin.resourceTemplates().getFirst().reader().read(request);
    }

    /** Puts a file into bob's files over WebDAV. */
    void upload(String path, String content) throws ToolException {
        var response = bob.send(NextcloudRequest.put(bob.filesRoot() + path)
                .body(content.getBytes(StandardCharsets.UTF_8), "text/plain").build());
        assertTrue(response.isSuccess(), path + " -> " + response);
    }

    // ---- building blocks of the scenarios

    long board(String title) throws ToolException {
        return id(call("nc_deck_create_board", args("title", title)));
    }

    long stack(long board, String title) throws ToolException {
        return id(call("nc_deck_create_stack", args("boardId", board, "title", title)));
    }

    JsonObject card(long board, long stack, String title) throws ToolException {
        return call("nc_deck_create_card", args("boardId", board, "stackId", stack, "title", title));
    }

    static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }

    /** Arguments from alternating names and values (String, Number, Boolean, or a List of those). */
    static JsonObject args(Object... pairs) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String key = (String) pairs[i];
            switch (pairs[i + 1]) {
                case String s -> b.add(key, s);
                case Integer n -> b.add(key, n);
                case Long n -> b.add(key, n);
                case Boolean flag -> b.add(key, flag);
                case List<?> list -> {
                    JsonArrayBuilder array = Json.createArrayBuilder();
                    for (Object item : list) {
                        switch (item) {
                            case String s -> array.add(s);
                            case Long n -> array.add(n);
                            case Integer n -> array.add(n);
                            default -> throw new IllegalArgumentException(key);
                        }
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
