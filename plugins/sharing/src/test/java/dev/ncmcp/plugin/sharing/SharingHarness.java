package dev.ncmcp.plugin.sharing;

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
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A simulator with bob, alice and their team, real clients on it, and the tools called as the server calls them. */
final class SharingHarness implements AutoCloseable {

    static final String PASSWORD = "bob-app-password";
    static final Scope[] ALL = {SharingPlugin.READ, SharingPlugin.WRITE};

    final NextcloudSimulator simulator;
    final NextcloudClient bob;
    final NextcloudClient alice;
    private final SharingPlugin plugin = new SharingPlugin();
    private final ToolCalls calls = new ToolCalls(plugin, ALL);

    SharingHarness(NextcloudVersion version) {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(version)
                .user("bob", PASSWORD, "Bob Tester").user("alice", "alice-app-password", "Alice Liddell")
                .group("team", "bob", "alice").sampleData(false).build().start();
        NextcloudClientFactory clients = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(simulator.baseUrl()).maxRetryDelay(Duration.ofSeconds(2)).build());
        bob = clients.appPassword("bob", PASSWORD);
        alice = clients.appPassword("alice", "alice-app-password");
    }

    /** Puts a file (and its folders) into bob's files over WebDAV. */
    void file(String path, String content) throws ToolException {
        String[] segments = path.replaceAll("^/", "").split("/");
        StringBuilder folder = new StringBuilder("/remote.php/dav/files/bob");
        for (int i = 0; i < segments.length - 1; i++) {
            folder.append('/').append(segments[i]);
            bob.send(NextcloudRequest.builder("MKCOL", folder.toString()).build());
        }
        bob.send(NextcloudRequest.put("/remote.php/dav/files/bob" + path)
                .body(content.getBytes(StandardCharsets.UTF_8), "text/plain").build());
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
