package dev.ncmcp.server.transport;

import java.util.ArrayList;
import java.util.List;

import dev.ncmcp.server.Sidecar;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/** Cursor pagination with a page size of 2. */
@RoutingTest
class PaginationTest {
    private final McpClient mcp;

    PaginationTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings().withPageSize(2)));
    }

    private List<String> walk() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var params = Json.createObjectBuilder();
            if (cursor != null) {
                params.add("cursor", cursor);
            }
            JsonObject result = mcp.modern("tools/list", params.build()).result();
            assertThat(result.getJsonArray("tools").size() <= 2, is(true));
            result.getJsonArray("tools").forEach(t -> names.add(t.asJsonObject().getString("name")));
            assertThat(result.getString("cacheScope"), is("private"));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages, is(4));
        return names;
    }

    @Test
    void walkingAllPagesGivesEveryVisibleToolOnceInNameOrder() {
        List<String> first = walk();
        assertThat(first, contains("demo_echo", "demo_fail", "demo_missing", "demo_nextcloud", "demo_progress",
                "demo_structured", "demo_update"));
        assertThat(walk(), is(first));
    }

    @Test
    void legacyClientsPageTheSameWay() {
        JsonObject result = mcp.legacy("2025-11-25", McpClient.request(1, "tools/list", null)).result();
        assertThat(result.getJsonArray("tools").size(), is(2));
        String cursor = result.getString("nextCursor");
        JsonObject next = mcp.legacy("2025-11-25", McpClient.request(2, "tools/list",
                Json.createObjectBuilder().add("cursor", cursor).build())).result();
        assertThat(next.getJsonArray("tools").getJsonObject(0).getString("name"), is("demo_missing"));
    }
}
