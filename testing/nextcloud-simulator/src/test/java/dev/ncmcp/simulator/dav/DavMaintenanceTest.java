package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SimHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebDAV in maintenance mode, as {@code errors/22-maintenance-webdav.http} shows it: Sabre's 503
 * with {@code ServerMaintenanceMode} and, unlike OCS and index.php, no maintenance header.
 */
class DavMaintenanceTest {
    private static final String BODY = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
              <s:exception>OCA\\DAV\\Exception\\ServerMaintenanceMode</s:exception>
              <s:message>System is in maintenance mode.</s:message>
            </d:error>
            """;
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        sim.maintenance(true);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void everyWebDavPathAnswersSabres503WithoutMaintenanceHeaders() {
        for (String path : new String[] {"/remote.php/dav/files/bob/", "/remote.php/dav/", "/remote.php/webdav/x.txt",
                                         "/remote.php/dav/calendars/bob/"}) {
            HttpResponse<String> response = bob.send("PROPFIND", path, null, "Depth", "0");
            assertEquals(503, response.statusCode(), path);
            assertEquals(BODY, response.body(), path);
            assertEquals("application/xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.headers().firstValue("X-Nextcloud-Maintenance-Mode").isEmpty(), path);
            assertTrue(response.headers().firstValue("Retry-After").isEmpty(), path);
        }
    }

    @Test
    void maintenanceComesBeforeAuthentication() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/remote.php/dav/files/bob/"))
                        .method("PROPFIND", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, anonymous.statusCode());
        assertEquals(BODY, anonymous.body());
    }

    @Test
    void writesAreRefusedAndNothingChanges() {
        assertEquals(503, bob.send("PUT", "/remote.php/dav/files/bob/a.txt", "x").statusCode());
        sim.maintenance(false);
        assertEquals(404, bob.send("GET", "/remote.php/dav/files/bob/a.txt", null).statusCode());
    }
}
