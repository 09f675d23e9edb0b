package dev.ncmcp.server.nextcloud;

import com.sun.net.httpserver.HttpServer;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Token exchange against a fake token endpoint that records what it was asked. */
class TokenExchangerTest {

    private HttpServer idp;
    private final List<String> forms = new ArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final MutableClock clock = new MutableClock();
    private TokenExchanger exchanger;

    @BeforeEach
    void startIdp() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/token", exchange -> {
            forms.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8) + "|" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        exchanger = new TokenExchanger(URI.create("http://127.0.0.1:" + idp.getAddress().getPort() + "/token"),
                "mcp-sidecar", "sidecar-secret", "nextcloud", List.of("nextcloud-audience"), ':', clock);
        answer.set("{\"access_token\":\"exchanged-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
    }

    @AfterEach
    void stopIdp() {
        idp.stop(0);
    }

    @Test
    void asksForTheNextcloudAudienceAndExactlyTheToolsScopes() throws Exception {
        String token = exchanger.exchange("alice-sub", "subject-token", Set.of(Scope.read("notes")));

        assertThat(token, is("exchanged-1"));
        String form = forms.getFirst();
        assertThat(form, containsString("grant_type=urn:ietf:params:oauth:grant-type:token-exchange"));
        assertThat(form, containsString("subject_token=subject-token"));
        assertThat(form, containsString("subject_token_type=urn:ietf:params:oauth:token-type:access_token"));
        assertThat(form, containsString("audience=nextcloud"));
        assertThat(form, containsString("scope=notes:read nextcloud-audience"));
        assertThat("client credentials by HTTP Basic", form, containsString("|Basic "));
    }

    @Test
    void cachesPerUserAndScopeSetUntilShortlyBeforeExpiry() throws Exception {
        exchanger.exchange("alice", "t1", Set.of(Scope.read("notes")));
        exchanger.exchange("alice", "t2", Set.of(Scope.read("notes")));
        assertThat("same user and scopes: cached", forms.size(), is(1));

        exchanger.exchange("alice", "t1", Set.of(Scope.write("notes")));
        exchanger.exchange("bob", "t3", Set.of(Scope.read("notes")));
        assertThat("other scopes or user: exchanged again", forms.size(), is(3));

        clock.advance(Duration.ofSeconds(271));
        exchanger.exchange("alice", "t1", Set.of(Scope.read("notes")));
        assertThat("renewed 30 s before expiry", forms.size(), is(4));
    }

    @Test
    void refusalTellsTheOperatorWhatToConfigureWithoutLeakingTokens() {
        status.set(400);
        answer.set("{\"error\":\"unauthorized_client\",\"error_description\":\"Client not allowed to exchange\"}");

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> exchanger.exchange("alice", "secret-subject-token", Set.of(Scope.read("notes"))));

        assertThat(e.kind(), is(ToolException.Kind.AUTHENTICATION));
        assertThat(e.getMessage(), containsString("unauthorized_client"));
        assertThat(e.getMessage(), containsString("Standard token exchange"));
        assertThat(e.getMessage(), not(containsString("secret-subject-token")));
        assertThat(e.getMessage(), not(containsString("sidecar-secret")));
    }

    @Test
    void unknownScopeNamesTheScopes() {
        status.set(400);
        answer.set("{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scopes\"}");

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> exchanger.exchange("alice", "t", Set.of(Scope.read("files"))));

        assertThat(e.getMessage(), containsString("files:read nextcloud-audience"));
    }

    @Test
    void identityProviderOutageIsUnavailable() {
        status.set(503);
        answer.set("{}");

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> exchanger.exchange("alice", "t", Set.of(Scope.read("notes"))));

        assertThat(e.kind(), is(ToolException.Kind.UNAVAILABLE));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
