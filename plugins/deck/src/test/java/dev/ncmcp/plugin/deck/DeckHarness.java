package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugintest.Args;
import dev.ncmcp.plugintest.ToolCalls;
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
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private final ToolCalls calls = new ToolCalls(plugin, ALL);

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
        return calls.tool(name);
    }

    /** Calls a tool as bob; checks the arguments against the input schema and the result against the output schema. */
    JsonObject call(String name, JsonObject args) throws ToolException {
        return call(bob, name, args);
    }

    JsonObject call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        return calls.call(as, name, args);
    }

    ToolException failure(String name, JsonObject args) {
        return failure(bob, name, args);
    }

    ToolException failure(NextcloudClient as, String name, JsonObject args) {
        ToolException e = calls.failure(as, name, args);
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

    /** Arguments from alternating names and values. */
    static JsonObject args(Object... pairs) {
        return Args.of(pairs);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
