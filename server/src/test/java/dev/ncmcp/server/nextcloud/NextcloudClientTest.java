package dev.ncmcp.server.nextcloud;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NextcloudClientTest {

    private static final String PASSWORD = "bob-app-password-0123456789";
    private static NextcloudSimulator simulator;
    private static NextcloudClientFactory factory;

    @BeforeAll
    static void startSimulator() {
        simulator = NextcloudSimulator.builder().host("127.0.0.1").port(0).version(NextcloudVersion.NC31)
                .user("bob", PASSWORD).build().start();
        factory = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl())
                .maxRetries(2).maxRetryDelay(Duration.ofSeconds(2)).build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void healthySimulator() {
        simulator.maintenance(false);
        simulator.clearRequests();
    }

    @Test
    void filesRootComesFromTheDavPrincipal() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);

        assertThat(client.filesRoot(), is("/remote.php/dav/files/bob/"));
    }

    @Test
    void ocsUnwrapsTheEnvelopeAndSendsTheCsrfHeader() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);

        var capabilities = client.capabilities();

        assertThat(capabilities.containsKey("notes"), is(true));
        assertThat(simulator.requests().getLast().header("OCS-APIREQUEST").orElse(""), is("true"));
    }

    @Test
    void retriesA503AndHonoursRetryAfter() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        simulator.failNext(1, 503, 1);

        long started = System.nanoTime();
        NextcloudResponse response = client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build());

        assertThat(response.status(), is(200));
        assertThat("waited for Retry-After", (System.nanoTime() - started) >= Duration.ofMillis(900).toNanos(), is(true));
    }

    @Test
    void retriesA429() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        simulator.failNext(2, 429, 0);

        NextcloudResponse response = client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build());

        assertThat(response.status(), is(200));
    }

    @Test
    void gives503UpAfterTheConfiguredRetries() {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        simulator.failNext(5, 503, 0);

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build()));

        assertThat(e.kind(), is(ToolException.Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("HTTP 503"));
        assertThat(e.getMessage(), containsString("GET /index.php/apps/notes/api/v1/notes"));
        simulator.failNext(0, 503, 0);
    }

    @Test
    void bearerClientsSendTheOcsHeaderNextcloudNeedsOnAppRoutes() throws Exception {
        try (NextcloudSimulator oidc = NextcloudSimulator.builder().user("carol", "unused-pw")
                .bearerTokens(token -> token.equals("carol-token") ? java.util.Optional.of("carol")
                        : java.util.Optional.empty())
                .build().start()) {
            NextcloudClient client = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                    .baseUrl(oidc.baseUrl()).build()).bearer("carol", "carol-token");

            NextcloudResponse notes = client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build());

            assertThat(notes.status(), is(200));
            assertThat(oidc.requests().getLast().header("Authorization").orElse(""), is("Bearer carol-token"));
            assertThat(client.filesRoot(), is("/remote.php/dav/files/carol/"));
        }
    }

    @Test
    void notImplementedIsTheCallersToInterpretNotAnOutage() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        simulator.failNext(1, 501, null);

        NextcloudResponse response = client.send(NextcloudRequest.builder("REPORT", "/remote.php/dav/files/bob/").build());

        assertThat(response.status(), is(501));
    }

    @Test
    void maintenanceModeIsReportedWithoutWaitingForRetryAfter() {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        simulator.maintenance(true);

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build()));

        assertThat(e.kind(), is(ToolException.Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("maintenance"));
    }

    @Test
    void rejectedCredentialsNameTheUserButNeverThePassword() {
        NextcloudClient client = factory.appPassword("bob", "wrong-password-secret");

        NextcloudException e = assertThrows(NextcloudException.class,
                () -> client.send(NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build()));

        assertThat(e.kind(), is(ToolException.Kind.AUTHENTICATION));
        assertThat(e.getMessage(), containsString("'bob'"));
        assertThat(e.getMessage(), not(containsString("wrong-password-secret")));
    }

    @Test
    void unreachableNextcloudIsAClearError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NextcloudClientFactory nowhere = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(1).build());

        NextcloudException e = assertThrows(NextcloudException.class, () -> nowhere.appPassword("bob", PASSWORD)
                .send(NextcloudRequest.get("/status.php").build()));

        assertThat(e.kind(), is(ToolException.Kind.UNAVAILABLE));
        assertThat(e.getMessage(), containsString("unreachable"));
        assertThat(e.getMessage(), containsString("127.0.0.1:" + closedPort));
    }

    @Test
    void aNextcloudThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            NextcloudClientFactory slow = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                    .baseUrl("http://127.0.0.1:" + silent.getLocalPort()).requestTimeout(Duration.ofMillis(300))
                    .maxRetries(0).build());

            NextcloudException e = assertThrows(NextcloudException.class,
                    () -> slow.appPassword("bob", PASSWORD).send(NextcloudRequest.get("/status.php").build()));

            assertThat(e.kind(), is(ToolException.Kind.UNAVAILABLE));
            assertThat(e.getMessage(), containsString("did not answer"));
            acceptor.interrupt();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void multistatusIsParsedIntoDecodedEntries() throws Exception {
        NextcloudClient client = factory.appPassword("bob", PASSWORD);
        String root = client.filesRoot();
        client.send(NextcloudRequest.builder("MKCOL", root + "With%20Space").build());

        NextcloudResponse response = client.send(NextcloudRequest.builder("PROPFIND", root)
                .header("Depth", "1").build());

        var hrefs = dev.ncmcp.spi.dav.Multistatus.read(response).stream().map(e -> e.href()).toList();
        assertThat(hrefs.contains("/remote.php/dav/files/bob/With Space/"), is(true));
    }
}
