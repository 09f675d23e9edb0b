package dev.ncmcp.demo;

import dev.ncmcp.server.demo.DemoNextcloud;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo jar provides exactly one DemoNextcloud, which serves the sample notes and board to its one user. */
class SimulatedNextcloudTest {

    @Test
    void serviceLoaderFindsExactlyOneProvider() {
        List<DemoNextcloud> providers = ServiceLoader.load(DemoNextcloud.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size());
        assertTrue(providers.getFirst() instanceof SimulatedNextcloud);
    }

    @Test
    void startsWithSampleNotesForItsUserAndStops() throws Exception {
        try (DemoNextcloud.Running nextcloud = new SimulatedNextcloud().start("demo", "pw-1", "Demo User")) {
            String basic = Base64.getEncoder().encodeToString("demo:pw-1".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> notes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(nextcloud.baseUrl() + "/index.php/apps/notes/api/v1/notes"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, notes.statusCode(), notes.body());
            assertTrue(notes.body().startsWith("[{"), notes.body());
        }
    }

    @Test
    void startsWithASampleDeckBoard() throws Exception {
        try (DemoNextcloud.Running nextcloud = new SimulatedNextcloud().start("demo", "pw-1", "Demo User")) {
            String basic = Base64.getEncoder().encodeToString("demo:pw-1".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> boards = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(nextcloud.baseUrl() + "/index.php/apps/deck/api/v1.0/boards?details=true"))
                    .header("Authorization", "Basic " + basic).header("OCS-APIREQUEST", "true").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, boards.statusCode(), boards.body());
            assertTrue(boards.body().contains("\"title\":\"Website relaunch\"") && boards.body().contains("In progress"),
                    boards.body());
        }
    }
}
