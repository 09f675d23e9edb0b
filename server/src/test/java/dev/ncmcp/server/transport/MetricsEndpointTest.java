package dev.ncmcp.server.transport;

import java.util.Arrays;
import java.util.List;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** The meters reach {@code /observe/metrics} (Prometheus format) with their tags. */
@ServerTest
class MetricsEndpointTest {
    private final Http1Client client;
    private final McpClient mcp;

    MetricsEndpointTest(Http1Client client) {
        this.client = client;
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings()));
    }

    private List<String> scrape() {
        try (Http1ClientResponse response = client.get("/observe/metrics")
                .header(HeaderNames.ACCEPT, "text/plain")
                .request()) {
            assertThat(response.status(), is(Status.OK_200));
            return Arrays.stream(response.as(String.class).split("\n"))
                    .filter(line -> line.startsWith("ncmcp_"))
                    .map(line -> line.substring(0, line.lastIndexOf(' ')))
                    .toList();
        }
    }

    @Test
    void toolCallsAndRequestsAreScraped() {
        mcp.modern("tools/call", Json.createObjectBuilder().add("name", "demo_missing")
                .add("arguments", JsonValue.EMPTY_JSON_OBJECT).build());
        List<String> series = scrape();
        assertThat(series.toString(), series.stream().anyMatch(line -> line.startsWith("ncmcp_tool_calls_seconds_count{")
                && line.contains("tool=\"demo_missing\"") && line.contains("outcome=\"tool_error:NOT_FOUND\"")),
                is(true));
        assertThat(series.toString(), series.stream().anyMatch(line -> line.startsWith("ncmcp_mcp_requests_total{")
                && line.contains("method=\"tools/call\"")), is(true));
    }
}
