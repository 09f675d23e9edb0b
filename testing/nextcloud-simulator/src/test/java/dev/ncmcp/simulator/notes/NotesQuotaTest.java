package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SabreBody;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Notes writes against a user quota: the app's {@code InsufficientStorageException} (507) and the
 * quota storage wrapper's refusals behind it (500). Notes are files, so they use the same quota as
 * WebDAV uploads.
 */
class NotesQuotaTest {
    private static final String NOTES = "/index.php/apps/notes/api/v1/notes";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").quota("bob", 10).build().start();
        bob = new SimHttp(sim, "bob", "pw");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void createBeyondTheQuotaIsInsufficientStorageAndLeavesNoNote() {
        assertEquals(200, bob.json("POST", NOTES, "{\"title\":\"a\",\"content\":\"123456789\"}").statusCode());
        HttpResponse<String> refused = bob.json("POST", NOTES, "{\"title\":\"b\",\"content\":\"xy\"}");
        assertEquals(507, refused.statusCode());
        assertEquals("{\"errorType\":\"OCA\\\\Notes\\\\Service\\\\InsufficientStorageException\"}", refused.body());
        assertEquals("application/json; charset=utf-8", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("0.2, 1.3, 1.4", refused.headers().firstValue("X-Notes-API-Versions").orElseThrow());
        assertEquals(1, SimHttp.parse(bob.send("GET", NOTES, null)).asJsonArray().size());
    }

    @Test
    void updateBeyondTheQuotaIsInsufficientStorageAndKeepsTheContent() {
        long id = create("{\"title\":\"a\",\"content\":\"12345\"}").getJsonNumber("id").longValue();
        HttpResponse<String> refused = bob.json("PUT", NOTES + "/" + id, "{\"content\":\"1234567\"}");
        assertEquals(507, refused.statusCode(), "7 bytes needed, 5 free: the old content still counts");
        assertEquals("{\"errorType\":\"OCA\\\\Notes\\\\Service\\\\InsufficientStorageException\"}", refused.body());
        assertEquals("12345", SimHttp.parse(bob.send("GET", NOTES + "/" + id, null)).asJsonObject().getString("content"));
        assertEquals(200, bob.json("PUT", NOTES + "/" + id, "{\"favorite\":true}").statusCode(),
                     "a favorite is a tag, not a file write");
    }

    @Test
    void theQuotaWrapperRefusesToFillTheLastByte() {
        HttpResponse<String> refused = bob.json("POST", NOTES, "{\"title\":\"a\",\"content\":\"0123456789\"}");
        assertEquals(500, refused.statusCode());
        assertEquals("{\"errorType\":\"OCP\\\\Files\\\\GenericFileException\"}", refused.body());
        assertEquals(0, SimHttp.parse(bob.send("GET", NOTES, null)).asJsonArray().size());
    }

    @Test
    void withNothingFreeEvenAnEmptyNoteIsRefusedAndNoFolderCanBeCreated() {
        assertEquals(200, bob.json("POST", NOTES, "{\"title\":\"a\",\"content\":\"\"}").statusCode());
        assertEquals(201, bob.send("PUT", "/remote.php/dav/files/bob/fill.txt", "0123456789").statusCode());
        assertEquals(507, bob.json("POST", NOTES, "{\"title\":\"b\"}").statusCode());
        HttpResponse<String> newCategory = bob.json("POST", NOTES, "{\"title\":\"c\",\"category\":\"New\"}");
        assertEquals(500, newCategory.statusCode());
        assertEquals("{\"errorType\":\"OCP\\\\Files\\\\NotPermittedException\"}", newCategory.body());
    }

    @Test
    void notesCountTowardsTheWebDavQuota() {
        create("{\"title\":\"a\",\"content\":\"123456789\"}");
        HttpResponse<String> refused = bob.send("PUT", "/remote.php/dav/files/bob/x.txt", "ab");
        assertEquals(507, refused.statusCode());
        assertEquals("Insufficient space in /x.txt, 2 required, 1 available",
                     SabreBody.of(refused).message());
    }

    private JsonObject create(String body) {
        HttpResponse<String> response = bob.json("POST", NOTES, body);
        assertEquals(200, response.statusCode(), response.body());
        return SimHttp.parse(response).asJsonObject();
    }
}
