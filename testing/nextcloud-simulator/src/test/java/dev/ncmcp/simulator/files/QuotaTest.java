package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SabreBody;
import dev.ncmcp.simulator.SimHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ncmcp.simulator.files.WebDavConflictAnswersTest.assertSabre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebDAV uploads against a user quota ({@code QuotaPlugin::checkQuota}).
 */
class QuotaTest {
    private static final String FILES = "/remote.php/dav/files/bob";
    private static final String INSUFFICIENT_STORAGE = "Sabre\\DAV\\Exception\\InsufficientStorage";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").quota("bob", 10).build().start();
        bob = new SimHttp(sim, "bob", "pw");
        assertEquals(201, bob.send("MKCOL", FILES + "/Projects", null).statusCode());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void uploadBeyondTheQuotaIsInsufficientStorageNamingPathLengthAndFreeSpace() {
        assertEquals(201, bob.send("PUT", FILES + "/big.txt", "0123456789").statusCode(), "exactly the quota fits");
        HttpResponse<String> refused = bob.send("PUT", FILES + "/Projects/small.txt", "1234");
        assertSabre(refused, 507, INSUFFICIENT_STORAGE, "Insufficient space in /Projects/small.txt, 4 required, 0 available");
        assertEquals(404, bob.send("GET", FILES + "/Projects/small.txt", null).statusCode());
        assertEquals(201, bob.send("PUT", FILES + "/Projects/empty.txt", "").statusCode(), "0 bytes always pass");
    }

    @Test
    void overwritingStillCountsTheOldContent() {
        sim.quota("bob", 15);
        assertEquals(201, bob.send("PUT", FILES + "/big.txt", "0123456789").statusCode());
        assertSabre(bob.send("PUT", FILES + "/big.txt", "abcdef"), 507, INSUFFICIENT_STORAGE,
                    "Insufficient space in /big.txt, 6 required, 5 available");
        assertEquals("0123456789", bob.send("GET", FILES + "/big.txt", null).body());
        assertEquals(204, bob.send("PUT", FILES + "/big.txt", "abcde").statusCode());
    }

    @Test
    void theQuotaCanBeLiftedWhileRunning() {
        assertEquals(507, bob.send("PUT", FILES + "/a.txt", "01234567890").statusCode());
        sim.unlimitedQuota("bob");
        assertEquals(201, bob.send("PUT", FILES + "/a.txt", "01234567890").statusCode());
    }

    @Test
    void folderQuotaPropertiesShowTheFreeSpace() {
        assertEquals(201, bob.send("PUT", FILES + "/Projects/four.txt", "1234").statusCode());
        String body = bob.send("PROPFIND", FILES + "/Projects", """
                <?xml version="1.0"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:quota-available-bytes/><d:quota-used-bytes/></d:prop></d:propfind>
                """, "Depth", "0").body();
        assertTrue(body.contains("<d:quota-available-bytes>6</d:quota-available-bytes>"), body);
        assertTrue(body.contains("<d:quota-used-bytes>4</d:quota-used-bytes>"), body);
        sim.unlimitedQuota("bob");
        String unlimited = bob.send("PROPFIND", FILES + "/", """
                <?xml version="1.0"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:quota-available-bytes/></d:prop></d:propfind>
                """, "Depth", "0").body();
        assertTrue(unlimited.contains("<d:quota-available-bytes>-3</d:quota-available-bytes>"), unlimited);
    }

    @Test
    void errorBodyIsSabresPlainError() {
        HttpResponse<String> refused = bob.send("PUT", FILES + "/a.txt", "01234567890");
        assertEquals("""
                <?xml version="1.0" encoding="utf-8"?>
                <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
                  <s:exception>Sabre\\DAV\\Exception\\InsufficientStorage</s:exception>
                  <s:message>Insufficient space in /a.txt, 11 required, 10 available</s:message>
                </d:error>
                """, refused.body());
        assertTrue(SabreBody.of(refused).header().isEmpty());
    }
}
