package dev.ncmcp.plugin.tables;

import dev.ncmcp.plugintest.Args;
import dev.ncmcp.plugintest.ToolCalls;
import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A simulator with bob and alice, real clients on it, and the tools called as the server calls them. */
final class TablesHarness implements AutoCloseable {

    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {TablesPlugin.READ, TablesPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClient bob;
    final NextcloudClient alice;
    final TablesPlugin plugin = new TablesPlugin();
    private final ToolCalls calls = new ToolCalls(plugin, ALL);

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
        return calls.tool(name);
    }

    /** Calls a tool as the server does; arguments and result checked against their schemas. */
    JsonObject call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        return calls.call(as, name, args);
    }

    JsonObject call(String name, JsonObject args) throws ToolException {
        return call(bob, name, args);
    }

    ToolException failure(NextcloudClient as, String name, JsonObject args) {
        return calls.failure(as, name, args);
    }

    ToolException failure(String name, JsonObject args) {
        return failure(bob, name, args);
    }

    /** JSON from text written with single quotes. */
    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
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
