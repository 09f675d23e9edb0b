package dev.ncmcp.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutesTest {
    private static final SimRequest ANY = new SimRequest("GET", "/", "", Map.of(), new byte[0]);

    @Test
    void exactRouteWinsThenTheLongestPrefix() {
        Routes routes = new Routes()
                .prefix("/remote.php/dav", answering(1))
                .prefix("/remote.php/dav/files/", answering(2))
                .exact("/remote.php/dav/files/special", answering(3));
        assertEquals(1, status(routes, "/remote.php/dav"));
        assertEquals(1, status(routes, "/remote.php/dav/"));
        assertEquals(1, status(routes, "/remote.php/dav/calendars/bob"));
        assertEquals(2, status(routes, "/remote.php/dav/files"));
        assertEquals(2, status(routes, "/remote.php/dav/files/bob/a.txt"));
        assertEquals(3, status(routes, "/remote.php/dav/files/special"));
        assertTrue(routes.handlerFor("/remote.php/davx").isEmpty(), "prefixes end at a segment boundary");
        assertTrue(routes.handlerFor("/index.php/x").isEmpty());
    }

    @Test
    void entryPointsCoverEverythingBelowThem() {
        Routes routes = new Routes().entryPoint("/ocs", answering(503));
        for (String path : List.of("/ocs/v2.php/cloud/user", "/ocs/v1.php/unknown", "/ocs")) {
            assertEquals(503, routes.maintenanceAnswerFor(path).orElseThrow().handle(ANY).status(), path);
        }
        assertTrue(routes.maintenanceAnswerFor("/status.php").isEmpty());
    }

    @Test
    void anExactRouteMayLeaveARequestToThePrefixBelowIt() {
        Routes routes = new Routes()
                .prefix("/ocs/v2.php/apps/files_sharing", answering(200))
                .exact("/ocs/v2.php/apps/files_sharing/api/v1/shares",
                        request -> request.method().equals("POST") ? SimResponse.status(201) : null)
                .exact("/lonely", request -> null);
        Handler shares = routes.handlerFor("/ocs/v2.php/apps/files_sharing/api/v1/shares").orElseThrow();
        assertEquals(201, shares.handle(new SimRequest("POST", "/", "", Map.of(), new byte[0])).status());
        assertEquals(200, shares.handle(ANY).status(), "declined: the prefix route answers");
        assertEquals(null, routes.handlerFor("/lonely").orElseThrow().handle(ANY), "declined with nothing below");
    }

    @Test
    void aPathCanBeRegisteredOnce() {
        Routes routes = new Routes().prefix("/a/", answering(1));
        assertThrows(IllegalStateException.class, () -> routes.prefix("/a", answering(2)));
    }

    private static Handler answering(int status) {
        return request -> SimResponse.status(status);
    }

    private static int status(Routes routes, String path) {
        return routes.handlerFor(path).orElseThrow().handle(ANY).status();
    }
}
