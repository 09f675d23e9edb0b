package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.RecordedRequest;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Overlapping writes to one note: 423 {@code OCP\Lock\LockedException} once the app's retries give up.
 */
class NotesLockTest {
    private static final String NOTES = "/index.php/apps/notes/api/v1/notes";
    private static final String LOCKED_BODY = "{\"errorType\":\"OCP\\\\Lock\\\\LockedException\"}";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void aForcedLockAnswers423ForTheNextWritesWhileReadsGoOn() {
        start(NextcloudSimulator.builder());
        long id = create("v1");
        sim.lockNote("bob", id, 2);

        HttpResponse<String> locked = bob.json("PUT", NOTES + "/" + id, "{\"content\":\"v2\"}");
        assertEquals(423, locked.statusCode());
        assertEquals(LOCKED_BODY, locked.body());
        assertEquals("application/json; charset=utf-8", locked.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("0.2, 1.3, 1.4", locked.headers().firstValue("X-Notes-API-Versions").orElseThrow());
        assertEquals(423, bob.send("DELETE", NOTES + "/" + id, null).statusCode());

        assertEquals("v1", content(id), "reads are not blocked");
        assertEquals(200, bob.json("PUT", NOTES + "/" + id, "{\"content\":\"v2\"}").statusCode(), "2 writes only");
        assertEquals("v2", content(id));
    }

    @Test
    void aForcedLockWaitsForAWriteThatTouchesTheFile() {
        start(NextcloudSimulator.builder());
        long id = create("v1");
        sim.lockNote("bob", id, 1);
        assertEquals(404, bob.json("PUT", NOTES + "/999999", "{\"content\":\"x\"}").statusCode());
        assertEquals(200, bob.json("PUT", NOTES + "/" + id, "{\"favorite\":true}").statusCode(),
                     "the favorite flag is a tag, the file is not locked for it");
        HttpResponse<String> stale = bob.json("PUT", NOTES + "/" + id, "{\"content\":\"x\"}", "If-Match", "\"old\"");
        assertEquals(412, stale.statusCode(), "the ETag check comes before the write");
        assertEquals(423, bob.json("PUT", NOTES + "/" + id, "{\"title\":\"Renamed\"}").statusCode());
        assertEquals(200, bob.json("PUT", NOTES + "/" + id, "{\"title\":\"Renamed\"}").statusCode());
    }

    @Test
    void aWriteOverlappingAnotherGets423WhenItsRetriesRunOut() throws Exception {
        start(NextcloudSimulator.builder().notesLockRetry(1, Duration.ZERO));
        long id = create("v1");
        sim.notesWriteDelay(Duration.ofHours(1));

        CompletableFuture<HttpResponse<String>> a = put(id, "from A");
        CompletableFuture<HttpResponse<String>> b = put(id, "from B");
        CompletableFuture.anyOf(a, b).get(30, TimeUnit.SECONDS);
        CompletableFuture<HttpResponse<String>> loser = a.isDone() ? a : b;
        CompletableFuture<HttpResponse<String>> holder = loser == a ? b : a;
        assertEquals(423, loser.get().statusCode(), "the holder keeps the lock until the test releases it");
        assertEquals(LOCKED_BODY, loser.get().body());
        assertFalse(holder.isDone());
        assertEquals("v1", content(id), "reads are not blocked by a running write");

        sim.notesWriteDelay(Duration.ZERO);
        HttpResponse<String> written = holder.get(30, TimeUnit.SECONDS);
        assertEquals(200, written.statusCode());
        assertEquals(SimHttp.parse(written).asJsonObject().getString("content"), content(id));
    }

    @Test
    void aWriteWaitsForTheLockWithinItsRetries() throws Exception {
        start(NextcloudSimulator.builder().notesLockRetry(100_000, Duration.ofMillis(5)));
        long id = create("v1");
        sim.clearRequests();
        sim.notesWriteDelay(Duration.ofHours(1));

        CompletableFuture<HttpResponse<String>> a = put(id, "from A");
        CompletableFuture<HttpResponse<String>> b = put(id, "from B");
        while (puts() < 2) {
            Thread.onSpinWait();
        }
        assertFalse(a.isDone() && b.isDone(), "one of them holds the lock, the other waits");
        sim.notesWriteDelay(Duration.ZERO);
        assertEquals(200, a.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(200, b.get(30, TimeUnit.SECONDS).statusCode());
        assertTrue(List.of("from A", "from B").contains(content(id)));
    }

    private void start(NextcloudSimulator.Builder builder) {
        sim = builder.user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
    }

    private long create(String content) {
        HttpResponse<String> response = bob.json("POST", NOTES, "{\"title\":\"Shared\",\"content\":\"" + content + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return SimHttp.parse(response).asJsonObject().getJsonNumber("id").longValue();
    }

    private CompletableFuture<HttpResponse<String>> put(long id, String content) {
        return bob.sendAsync("PUT", NOTES + "/" + id, "{\"content\":\"" + content + "\"}",
                             "Content-Type", "application/json");
    }

    private String content(long id) {
        JsonObject note = SimHttp.parse(bob.send("GET", NOTES + "/" + id, null)).asJsonObject();
        return note.getString("content");
    }

    private long puts() {
        return sim.requests().stream().map(RecordedRequest::method).filter("PUT"::equals).count();
    }
}
