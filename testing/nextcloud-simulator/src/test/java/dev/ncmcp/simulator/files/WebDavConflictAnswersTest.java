package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SabreBody;
import dev.ncmcp.simulator.SimHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 409, 412 and 415 answers of sabre/dav 4.x ({@code CorePlugin::httpPut},
 * {@code Server::createCollection}, {@code Server::getCopyAndMoveInfo},
 * {@code Server::checkPreconditions}).
 */
class WebDavConflictAnswersTest {
    private static final String FILES = "/remote.php/dav/files/bob";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        assertEquals(201, bob.send("MKCOL", FILES + "/Projects", null).statusCode());
        assertEquals(201, bob.send("PUT", FILES + "/Projects/plan.txt", "plan").statusCode());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void putOntoAFolderIsAConflict() {
        assertSabre(bob.send("PUT", FILES + "/Projects", "x"), 409, "Sabre\\DAV\\Exception\\Conflict",
                    "PUT is not allowed on non-files.");
        assertSabre(bob.send("PUT", FILES + "/", "x"), 409, "Sabre\\DAV\\Exception\\Conflict",
                    "PUT is not allowed on non-files.");
    }

    @Test
    void mkcolBelowAFileIsNotACollectionWhileAMissingParentDoesNotExist() {
        assertSabre(bob.send("MKCOL", FILES + "/Projects/plan.txt/sub", null), 409,
                    "Sabre\\DAV\\Exception\\Conflict", "Parent node is not a collection");
        assertSabre(bob.send("MKCOL", FILES + "/Missing/sub", null), 409,
                    "Sabre\\DAV\\Exception\\Conflict", "Parent node does not exist");
        assertSabre(bob.send("MKCOL", FILES + "/Projects/plan.txt/a/b", null), 409,
                    "Sabre\\DAV\\Exception\\Conflict", "Parent node does not exist");
    }

    @Test
    void moveOrCopyIntoAFileIsUnsupportedMediaType() {
        for (String method : new String[] {"MOVE", "COPY"}) {
            HttpResponse<String> response = bob.send(method, FILES + "/Projects/plan.txt", null,
                    "Destination", sim.baseUrl() + FILES + "/Projects/plan.txt/inside.txt");
            assertSabre(response, 415, "Sabre\\DAV\\Exception\\UnsupportedMediaType",
                        "The destination node is not a collection");
        }
        assertEquals(200, bob.send("GET", FILES + "/Projects/plan.txt", null).statusCode(), "nothing was moved");
    }

    @Test
    void moveBelowAMissingFolderIsAConflict() {
        assertSabre(bob.send("MOVE", FILES + "/Projects/plan.txt", null,
                             "Destination", sim.baseUrl() + FILES + "/Nowhere/plan.txt"),
                    409, "Sabre\\DAV\\Exception\\Conflict", "The destination node is not found");
    }

    @Test
    void moveIntoItsOwnSubtreeIsAConflict() {
        assertSabre(bob.send("MOVE", FILES + "/Projects", null,
                             "Destination", sim.baseUrl() + FILES + "/Projects/Inner"),
                    409, "Sabre\\DAV\\Exception\\Conflict",
                    "The destination may not be part of the same subtree as the source path.");
    }

    @Test
    void invalidOverwriteHeaderIsABadRequest() {
        assertSabre(bob.send("COPY", FILES + "/Projects/plan.txt", null,
                             "Destination", sim.baseUrl() + FILES + "/Projects/copy.txt", "Overwrite", "yes"),
                    400, "Sabre\\DAV\\Exception\\BadRequest", "The HTTP Overwrite header should be either T or F");
    }

    @Test
    void ifMatchOnAMissingFileFailsThePreconditionBeforeAnythingElse() {
        HttpResponse<String> put = bob.send("PUT", FILES + "/Projects/new.txt", "x", "If-Match", "\"abc\"");
        assertSabre(put, 412, "Sabre\\DAV\\Exception\\PreconditionFailed",
                    "An If-Match header was specified and the resource did not exist");
        assertEquals(Optional.of("If-Match"), SabreBody.of(put).header());
        assertEquals(412, bob.send("PUT", FILES + "/NoSuchParent/new.txt", "x", "If-Match", "*").statusCode(),
                     "the precondition is checked before the missing parent");
        assertEquals(404, bob.send("GET", FILES + "/Projects/new.txt", null).statusCode(), "nothing was created");
        assertEquals(412, bob.send("DELETE", FILES + "/Projects/gone.txt", null, "If-Match", "\"abc\"").statusCode());
    }

    static void assertSabre(HttpResponse<String> response, int status, String exception, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        SabreBody body = SabreBody.of(response);
        assertEquals(exception, body.exception());
        assertEquals(message, body.message());
    }
}
