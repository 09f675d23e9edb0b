package dev.ncmcp.server;

import dev.ncmcp.server.config.SidecarConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** The assembled sidecar in demo mode: metadata, MCP endpoint and the step-up challenge. */
class SidecarRoutingTest {

    @TempDir
    static Path plugins;
    private static Sidecar sidecar;
    private static WebClient client;

    @BeforeAll
    static void start() {
        SidecarConfig config = SidecarConfig.from(Config.just(ConfigSources.create(Map.of(
                "server.port", "0", "plugins.directory", plugins.toString()))));
        sidecar = Sidecar.create(config).start();
        client = WebClient.builder().baseUri("http://127.0.0.1:" + sidecar.port()).build();
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    @Test
    void protectedResourceMetadataListsEveryPluginScope() {
        for (String path : new String[] {"/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp"}) {
            try (HttpClientResponse response = client.get(path).request()) {
                assertThat(response.status(), is(Status.OK_200));
                JsonObject prm = Json.createReader(new StringReader(response.as(String.class))).readObject();
                assertThat(prm.getString("resource"), is("http://127.0.0.1:" + sidecar.port() + "/mcp"));
                var scopes = prm.getJsonArray("scopes_supported").getValuesAs(j -> ((jakarta.json.JsonString) j)
                        .getString());
                assertThat(scopes, hasItem("openid"));
                assertThat(scopes, hasItem("conformance:read"));
                assertThat(prm.getJsonArray("bearer_methods_supported").getString(0), is("header"));
            }
        }
    }

    @Test
    void metadataUrlFollowsRfc9728PathInsertion() {
        assertThat(sidecar.metadataUrl().toString(),
                is("http://127.0.0.1:" + sidecar.port() + "/.well-known/oauth-protected-resource/mcp"));
    }

    @Test
    void demoModeServesMcpAgainstTheSimulator() {
        String body = """
                {"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{
                "io.modelcontextprotocol/protocolVersion":"2026-07-28",
                "io.modelcontextprotocol/clientCapabilities":{}}}}""";
        try (HttpClientResponse response = client.post("/mcp")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.ACCEPT, "application/json, text/event-stream")
                .header(HeaderNames.create("MCP-Protocol-Version"), "2026-07-28")
                .header(HeaderNames.create("Mcp-Method"), "server/discover")
                .submit(body)) {
            assertThat(response.status(), is(Status.OK_200));
            String text = response.as(String.class);
            assertThat(text, containsString("DEMO MODE"));
            assertThat(text, containsString("\"resultType\":\"complete\""));
        }
    }
}
