package dev.ncmcp.plugin.notes;

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
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A simulator, a real client on it, and the Notes tools called the way the server calls them. */
final class NotesHarness implements AutoCloseable {

    static final String USER = "bob";
    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {NotesPlugin.READ, NotesPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClientFactory clients;
    final NextcloudClient client;
    private final NotesPlugin plugin = new NotesPlugin();
    private final ToolCalls calls = new ToolCalls(plugin, ALL);

    NotesHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user(USER, PASSWORD).user("carol", "carol-app-password").notesAppDisabledFor("carol")
                .sampleData(false).build().start();
        clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl())
                .maxRetryDelay(Duration.ofSeconds(2)).build());
        client = clients.appPassword(USER, PASSWORD);
    }

    ToolDefinition tool(String name) {
        return calls.tool(name);
    }

    /** Calls a tool as bob; checks the arguments against the input schema and the result against the output schema. */
    ToolResult call(String name, JsonObject args) throws ToolException {
        return call(client, name, args);
    }

    ToolResult call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        return calls.result(as, name, args);
    }

    JsonObject structured(String name, JsonObject args) throws ToolException {
        return call(name, args).structuredContent().asJsonObject();
    }

    ToolException failure(String name, JsonObject args) {
        return failure(client, name, args);
    }

    ToolException failure(NextcloudClient as, String name, JsonObject args) {
        ToolException e = calls.failure(as, name, args);
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

    static JsonObject args(Object... pairs) {
        return Args.of(pairs);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
