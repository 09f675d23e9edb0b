package dev.ncmcp.server.transport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ncmcp.server.Sidecar;
import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** tools/list, resources/list, resources/templates/list and prompts/list hide plugins whose app the caller lacks. */
@RoutingTest
class AppGatingTest {
    private static final String SUBJECT_HEADER = "X-Test-Subject";
    private static final FakeNextcloud NEXTCLOUD = new FakeNextcloud()
            .answer("with-notes", FakeNextcloud.capabilities("notes", "deck"))
            .answer("without-notes", FakeNextcloud.capabilities("deck"))
            .answer("cached", FakeNextcloud.capabilities())
            .fail("unreachable", ToolException.Kind.UNAVAILABLE, "Nextcloud is not reachable")
            .fail("not-connected", ToolException.Kind.AUTHENTICATION, "Nextcloud is not connected for this user yet")
            .fail("broken", ToolException.Kind.UPSTREAM_ERROR, "capabilities: unexpected answer");

    private final McpClient mcp;

    AppGatingTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings(),
                PluginRegistry.of(List.of(new TestPlugins.Demo(), new TestPlugins.Notes())),
                (token, headers) -> AuthenticatedCaller.withoutToken(new Caller(
                        headers.first(HeaderNames.create(SUBJECT_HEADER)).orElseThrow(), "alice",
                        Set.of(TestPlugins.DEMO_READ, TestPlugins.DEMO_WRITE, TestPlugins.NOTES_READ))),
                NEXTCLOUD));
    }

    private McpClient.Reply list(String subject, String method) {
        JsonObject body = McpClient.modernRequest(1, method, JsonValue.EMPTY_JSON_OBJECT);
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put(SUBJECT_HEADER, subject);
        return mcp.post(body.toString(), headers);
    }

    private List<String> names(String subject, String method, String field, String key) {
        McpClient.Reply reply = list(subject, method);
        assertThat(reply.body(), reply.status(), is(Status.OK_200));
        return reply.result().getJsonArray(field).stream().map(v -> v.asJsonObject().getString(key)).toList();
    }

    private List<String> tools(String subject) {
        return names(subject, "tools/list", "tools", "name");
    }

    @Test
    void notesFeaturesAreHiddenWhenCapabilitiesLackNotes() {
        List<String> tools = tools("without-notes");
        assertThat(tools, not(hasItem("notes_list")));
        assertThat(tools, not(hasItem("notes_create")));
        assertThat("core features stay", tools, hasItem("demo_echo"));
        assertThat(names("without-notes", "resources/list", "resources", "uri"), contains("demo://settings"));
        assertThat(names("without-notes", "resources/templates/list", "resourceTemplates", "uriTemplate"),
                contains("demo://note/{id}"));
        assertThat(names("without-notes", "prompts/list", "prompts", "name"), contains("summarize"));
    }

    @Test
    void notesFeaturesAreShownWhenCapabilitiesHaveNotes() {
        List<String> tools = tools("with-notes");
        assertThat(tools, hasItem("notes_list"));
        assertThat(tools, hasItem("notes_create"));
        assertThat(tools, hasItem("demo_echo"));
        assertThat(names("with-notes", "resources/list", "resources", "uri"),
                contains("demo://settings", "notes://settings"));
        assertThat(names("with-notes", "resources/templates/list", "resourceTemplates", "uriTemplate"),
                contains("demo://note/{id}", "notes://note/{id}"));
        assertThat(names("with-notes", "prompts/list", "prompts", "name"), contains("notes_digest", "summarize"));
    }

    @Test
    void capabilitiesAreAskedOncePerCallerWithinTheTtl() {
        assertThat(tools("cached"), not(hasItem("notes_list")));
        assertThat(tools("cached"), not(hasItem("notes_list")));
        assertThat(names("cached", "prompts/list", "prompts", "name"), contains("summarize"));
        assertThat(NEXTCLOUD.capabilityCalls("cached"), is(1));
    }

    @Test
    void unreachableNextcloudShowsEverything() {
        McpClient.Reply reply = list("unreachable", "tools/list");
        assertThat(reply.status(), is(Status.OK_200));
        assertThat("not a JSON-RPC error", reply.json().containsKey("error"), is(false));
        List<String> tools = reply.result().getJsonArray("tools").stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
        assertThat(tools, hasItem("notes_list"));
        assertThat(tools, hasItem("demo_echo"));
        assertThat(NEXTCLOUD.capabilityCalls("unreachable"), is(1));
    }

    @Test
    void callerWithoutNextcloudCredentialsSeesEverything() {
        assertThat(tools("not-connected"), hasItem("notes_list"));
        assertThat(names("not-connected", "resources/list", "resources", "uri"), hasItem("notes://settings"));
    }

    @Test
    void unreadableCapabilitiesShowEverything() {
        assertThat(tools("broken"), hasItem("notes_list"));
    }

    @Test
    void aHiddenToolCanStillBeCalledAndAnswersForItself() {
        JsonObject body = McpClient.modernRequest(1, "tools/call", Json.createObjectBuilder()
                .add("name", "notes_list").build());
        Map<String, String> headers = McpClient.modernHeaders(body);
        headers.put(SUBJECT_HEADER, "without-notes");
        McpClient.Reply reply = mcp.post(body.toString(), headers);
        assertThat(reply.status(), is(Status.OK_200));
        assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text"), is("notes"));
    }

    @Test
    void capabilitiesAreAskedWithTheGatedPluginsScopes() {
        tools("with-notes");
        assertThat(NEXTCLOUD.requestedScopes, hasItem(Set.<Scope>of(TestPlugins.NOTES_READ)));
        assertThat(NEXTCLOUD.requestedScopes, not(hasItem(Set.<Scope>of(TestPlugins.DEMO_READ))));
    }
}
