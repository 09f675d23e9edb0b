package dev.ncmcp.server.transport;

import java.util.List;
import java.util.Map;

import dev.ncmcp.server.Sidecar;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** DNS-rebinding protection: Origin and Host allow-lists. */
@RoutingTest
class OriginCheckTest {
    private final McpClient mcp;

    OriginCheckTest(DirectClient client) {
        this.mcp = new McpClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Sidecar.routing(routing, TestPlugins.sidecar(TestPlugins.settings()
                .withAllowedOrigins(List.of("https://app.example.com", "http://localhost"))));
    }

    private McpClient.Reply ping(Map<String, String> headers) {
        return mcp.post(McpClient.request(1, "ping", null).toString(), headers);
    }

    @Test
    void foreignOriginIs403WithAJsonRpcErrorWithoutId() {
        McpClient.Reply reply = ping(Map.of("Origin", "https://evil.example"));
        assertThat(reply.status(), is(Status.FORBIDDEN_403));
        assertThat(reply.json().containsKey("id"), is(false));
        assertThat(reply.json().getJsonObject("error").containsKey("code"), is(true));
    }

    @Test
    void allowedOriginsPass() {
        assertThat(ping(Map.of("Origin", "https://app.example.com")).status(), is(Status.OK_200));
        assertThat(ping(Map.of("Origin", "http://localhost:6274")).status(), is(Status.OK_200));
        assertThat(ping(Map.of()).status(), is(Status.OK_200));
    }

    @Test
    void foreignHostIs403() {
        assertThat(ping(Map.of("Host", "evil.example")).status(), is(Status.FORBIDDEN_403));
        assertThat(ping(Map.of("Host", "127.0.0.1:9")).status(), is(Status.OK_200));
    }

    @Test
    void hostRulesMatchAnyPortUnlessOneIsGiven() {
        OriginCheck check = new OriginCheck(List.of(), List.of("localhost", "127.0.0.1", "[::1]", "mcp.example:8443"));
        assertThat(check.hostAllowed("localhost"), is(true));
        assertThat(check.hostAllowed("LOCALHOST:8080"), is(true));
        assertThat(check.hostAllowed("[::1]:8080"), is(true));
        assertThat(check.hostAllowed("mcp.example:8443"), is(true));
        assertThat(check.hostAllowed("mcp.example:443"), is(false));
        assertThat(check.hostAllowed("localhost.evil.example"), is(false));
        assertThat(check.hostAllowed("localhost:80@evil"), is(false));
        assertThat(new OriginCheck(List.of(), List.of("*")).hostAllowed("anything"), is(true));
    }

    @Test
    void originRulesMatchSchemeAndHost() {
        OriginCheck check = new OriginCheck(List.of("http://localhost", "https://app.example.com:8443"), List.of());
        assertThat(check.originAllowed("http://localhost:3000"), is(true));
        assertThat(check.originAllowed("https://localhost"), is(false));
        assertThat(check.originAllowed("https://app.example.com:8443"), is(true));
        assertThat(check.originAllowed("https://app.example.com"), is(false));
        assertThat(check.originAllowed("null"), is(false));
        assertThat(new OriginCheck(List.of("*"), List.of()).originAllowed("https://x"), is(true));
    }
}
