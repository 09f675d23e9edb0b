package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorBehaviourTest {
    private static final String NOTES = "/index.php/apps/notes/api/v1/notes";
    private final HttpClient client = HttpClient.newHttpClient();
    private NextcloudSimulator sim;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").user("alice", "alice-pw").build().start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void staleIfMatchOnNoteUpdateAnswers412WithCurrentNote() throws Exception {
        JsonObject created = json(send("POST", NOTES, "{\"title\":\"T\",\"content\":\"v1\"}")).asJsonObject();
        long id = created.getJsonNumber("id").longValue();
        String etag1 = created.getString("etag");

        HttpResponse<String> ok = send("PUT", NOTES + "/" + id, "{\"content\":\"v2\"}", "If-Match", "\"" + etag1 + "\"");
        assertEquals(200, ok.statusCode());
        String etag2 = json(ok).asJsonObject().getString("etag");
        assertNotEquals(etag1, etag2, "every write changes the etag, even within the same second");

        HttpResponse<String> stale = send("PUT", NOTES + "/" + id, "{\"content\":\"v3\"}", "If-Match", "\"" + etag1 + "\"");
        assertEquals(412, stale.statusCode());
        JsonObject current = json(stale).asJsonObject();
        assertEquals("v2", current.getString("content"));
        assertEquals(etag2, current.getString("etag"));

        HttpResponse<String> get = send("GET", NOTES + "/" + id, null);
        assertEquals("\"" + etag2 + "\"", get.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void webDavPutWithStaleIfMatchAnswers412AndNotesAreFiles() throws Exception {
        JsonObject note = json(send("POST", NOTES, "{\"title\":\"Plan\",\"content\":\"x\",\"category\":\"Work\"}"))
                .asJsonObject();
        HttpResponse<String> file = send("GET", "/remote.php/dav/files/bob/Notes/Work/Plan.md", null);
        assertEquals(200, file.statusCode());
        assertEquals("x", file.body());
        String etag = file.headers().firstValue("ETag").orElseThrow();

        assertEquals(204, send("PUT", "/remote.php/dav/files/bob/Notes/Work/Plan.md", "y", "If-Match", etag).statusCode());
        HttpResponse<String> stale = send("PUT", "/remote.php/dav/files/bob/Notes/Work/Plan.md", "z", "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertTrue(stale.body().contains("Sabre\\DAV\\Exception\\PreconditionFailed"));

        JsonObject viaNotes = json(send("GET", NOTES + "/" + note.getJsonNumber("id"), null)).asJsonObject();
        assertEquals("y", viaNotes.getString("content"), "a WebDAV write is visible through the Notes API");

        send("PUT", NOTES + "/" + note.getJsonNumber("id"), "{\"category\":\"Home\"}");
        assertEquals(404, send("GET", "/remote.php/dav/files/bob/Notes/Work/Plan.md", null).statusCode());
        assertEquals(200, send("GET", "/remote.php/dav/files/bob/Notes/Home/Plan.md", null).statusCode());
    }

    @Test
    void chunkedListingReturnsEveryNoteExactlyOnce() throws Exception {
        for (int i = 0; i < 7; i++) {
            send("POST", NOTES, "{\"title\":\"n" + i + "\"}");
        }
        Set<Long> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "?chunkSize=3" + (cursor == null ? "" : "&chunkCursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = send("GET", NOTES + query, null);
            for (JsonValue v : json(page).asJsonArray()) {
                assertTrue(seen.add(v.asJsonObject().getJsonNumber("id").longValue()), "duplicate note in chunks");
            }
            cursor = page.headers().firstValue("X-Notes-Chunk-Cursor").orElse(null);
            if (cursor != null) {
                int pending = Integer.parseInt(page.headers().firstValue("X-Notes-Chunk-Pending").orElseThrow());
                assertEquals(7 - seen.size(), pending);
            }
            pages++;
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(3, pages);
    }

    @Test
    void listEtagGives304UntilSomethingChanges() throws Exception {
        send("POST", NOTES, "{\"title\":\"a\"}");
        String etag = send("GET", NOTES, null).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", NOTES, null, "If-None-Match", etag).statusCode());
        send("POST", NOTES, "{\"title\":\"b\"}");
        assertEquals(200, send("GET", NOTES, null, "If-None-Match", etag).statusCode());
    }

    @Test
    void failNextAnswersTheGivenStatusThenRecovers() throws Exception {
        sim.failNext(2, 503, 7);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = send("GET", NOTES, null);
            assertEquals(503, r.statusCode());
            assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        }
        assertEquals(200, send("GET", NOTES, null).statusCode());
        sim.failNext(1, 429, null);
        HttpResponse<String> r = send("GET", NOTES, null);
        assertEquals(429, r.statusCode());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
    }

    @Test
    void maintenanceModeShapesPerEntryPoint() throws Exception {
        sim.maintenance(true);
        HttpResponse<String> notes = send("GET", NOTES, null);
        assertEquals(503, notes.statusCode());
        assertEquals("120", notes.headers().firstValue("Retry-After").orElseThrow());
        HttpResponse<String> ocs = send("GET", "/ocs/v2.php/cloud/capabilities?format=json", null, "OCS-APIREQUEST", "true");
        assertEquals(503, ocs.statusCode());
        assertEquals("1", ocs.headers().firstValue("X-Nextcloud-Maintenance-Mode").orElseThrow());
        assertEquals(503, json(ocs).asJsonObject().getJsonObject("ocs").getJsonObject("meta").getInt("statuscode"));
        assertEquals(503, send("PROPFIND", "/remote.php/dav/files/bob/", null, "Depth", "0").statusCode());
        HttpResponse<String> status = send("GET", "/status.php", null);
        assertEquals(200, status.statusCode());
        assertTrue(json(status).asJsonObject().getBoolean("maintenance"));
        sim.maintenance(false);
        assertEquals(200, send("GET", NOTES, null).statusCode());
    }

    @Test
    void concurrentCreatesGetDistinctIdsAndNoneIsLost() throws Exception {
        int count = 64;
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = "Same title";
            tasks.add(() -> json(send("POST", NOTES, "{\"title\":\"" + title + "\",\"content\":\"c\"}"))
                    .asJsonObject().getJsonNumber("id").longValue());
        }
        Set<Long> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Long> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
        }
        assertEquals(count, ids.size());
        JsonArray list = json(send("GET", NOTES + "?exclude=content", null)).asJsonArray();
        assertEquals(count, list.size());
        Set<String> titles = new HashSet<>();
        list.forEach(v -> titles.add(v.asJsonObject().getString("title")));
        assertEquals(count, titles.size(), "duplicate titles get (2), (3), … suffixes");
    }

    @Test
    void usersOnlySeeTheirOwnTree() throws Exception {
        send("PUT", "/remote.php/dav/files/bob/secret.txt", "s");
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/remote.php/dav/files/bob/secret.txt"))
                .header("Authorization", BasicAuth.basicHeader("alice", "alice-pw")).GET().build();
        assertEquals(404, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void loginFlowV2MintsAWorkingAppPassword() throws Exception {
        HttpResponse<String> init = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/index.php/login/v2"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject flow = json(init).asJsonObject();
        String token = flow.getJsonObject("poll").getString("token");
        String login = flow.getString("login");
        assertEquals(sim.baseUrl() + "/index.php/login/v2/poll", flow.getJsonObject("poll").getString("endpoint"));
        assertEquals(404, poll(token).statusCode());

        String password = sim.grantLoginFlow(login.substring(login.lastIndexOf('/') + 1), "bob");
        HttpResponse<String> granted = poll(token);
        assertEquals(200, granted.statusCode());
        assertEquals(password, json(granted).asJsonObject().getString("appPassword"));
        assertEquals(72, password.length());
        assertEquals(404, poll(token).statusCode(), "the result is delivered once");

        HttpRequest useIt = HttpRequest.newBuilder(URI.create(sim.baseUrl() + NOTES))
                .header("Authorization", BasicAuth.basicHeader("bob", password)).GET().build();
        assertEquals(200, client.send(useIt, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void phpJsonEscapingAndRequestLog() throws Exception {
        sim.clearRequests();
        HttpResponse<String> r = send("POST", NOTES, "{\"title\":\"Müsli/Granola\",\"content\":\"a/b ü\",\"category\":\"c/d\"}");
        assertTrue(r.body().contains("\"title\":\"M\\u00fcsliGranola\""), r.body());
        assertTrue(r.body().contains("\"internalPath\":\"\\/Notes\\/c\\/d\\/M\\u00fcsliGranola.md\""), r.body());
        assertEquals(1, sim.requests().size());
        assertEquals("POST", sim.requests().getFirst().method());
        assertEquals(NOTES, sim.requests().getFirst().path());
        assertTrue(sim.requests().getFirst().header("authorization").isPresent());
    }

    @Test
    void sampleDataSeedsNotesAndFiles() throws Exception {
        try (NextcloudSimulator demo = NextcloudSimulator.builder().user("bob", "pw").sampleData(true).build().start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(demo.baseUrl() + NOTES))
                    .header("Authorization", BasicAuth.basicHeader("bob", "pw")).GET().build();
            JsonArray notes = json(client.send(request, HttpResponse.BodyHandlers.ofString())).asJsonArray();
            assertTrue(notes.size() >= 3);
            assertTrue(notes.stream().anyMatch(n -> n.asJsonObject().getBoolean("favorite")));
            assertTrue(notes.stream().anyMatch(n -> !n.asJsonObject().getString("category").isEmpty()));
        }
    }

    private HttpResponse<String> poll(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/index.php/login/v2/poll"))
                                   .header("Content-Type", "application/x-www-form-urlencoded")
                                   .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bearerTokensAuthenticateThroughTheConfiguredValidatorAndNeedTheOcsHeaderOnAppRoutes() throws Exception {
        try (NextcloudSimulator oidc = NextcloudSimulator.builder().user("carol", "pw")
                .bearerTokens(token -> token.equals("good-token") ? java.util.Optional.of("carol")
                        : java.util.Optional.empty())
                .build().start()) {
            HttpRequest.Builder notes = HttpRequest.newBuilder(URI.create(oidc.baseUrl() + NOTES))
                    .header("Authorization", "Bearer good-token");
            HttpResponse<String> withoutOcsHeader = client.send(notes.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> withOcsHeader = client.send(notes.header("OCS-APIREQUEST", "true").build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrongToken = client.send(HttpRequest.newBuilder(URI.create(oidc.baseUrl() + NOTES))
                    .header("Authorization", "Bearer forged").header("OCS-APIREQUEST", "true").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(401, withoutOcsHeader.statusCode());
            assertEquals("{\"message\":\"CORS requires basic auth\"}", withoutOcsHeader.body());
            assertEquals(200, withOcsHeader.statusCode());
            assertEquals(401, wrongToken.statusCode());
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", BasicAuth.basicHeader("bob", "pw"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && path.startsWith("/index.php")) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }
}
