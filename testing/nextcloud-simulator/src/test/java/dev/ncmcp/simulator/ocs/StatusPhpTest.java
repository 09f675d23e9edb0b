package dev.ncmcp.simulator.ocs;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code status.php} answers 200 without authentication, in maintenance mode too, and reports the
 * mode ({@code ocs-capabilities/06-status-php.http}, {@code errors/20-maintenance-status.http}).
 */
class StatusPhpTest {
    private NextcloudSimulator sim;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().version(NextcloudVersion.NC31).user("bob", "pw").build().start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void reportsMaintenanceModeAndStaysAvailable() throws Exception {
        JsonObject normal = status();
        assertFalse(normal.getBoolean("maintenance"));
        assertEquals(List.of("installed", "maintenance", "needsDbUpgrade", "version", "versionstring", "edition",
                             "productname", "extendedSupport"), List.copyOf(normal.keySet()));
        assertEquals("31.0.2", normal.getString("versionstring"));

        sim.maintenance(true);
        assertTrue(status().getBoolean("maintenance"));
        sim.maintenance(false);
        assertFalse(status().getBoolean("maintenance"));
    }

    private JsonObject status() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/status.php")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("X-Nextcloud-Maintenance-Mode").isEmpty());
        return SimHttp.parse(response).asJsonObject();
    }
}
