package dev.ncmcp.plugin.cookbook;

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
import jakarta.json.JsonObject;

import java.time.Duration;

/** A simulator with bob, a real client on it, and the tools called as the server calls them. */
final class CookbookHarness implements AutoCloseable {

    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {CookbookPlugin.READ, CookbookPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClient bob;
    private final CookbookPlugin plugin = new CookbookPlugin();
    private final ToolCalls calls = new ToolCalls(plugin, ALL);

    CookbookHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user("bob", PASSWORD, "Bob Tester").sampleData(false).build().start();
        NextcloudClientFactory clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(simulator.baseUrl()).maxRetryDelay(Duration.ofSeconds(2)).build());
        bob = clients.appPassword("bob", PASSWORD);
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

    /** Arguments from alternating names and values. */
    static JsonObject args(Object... pairs) {
        return Args.of(pairs);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
