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
 * Names Nextcloud 31 refuses by default, with the 400 {@code InvalidPath} body it sends.
 */
class ForbiddenNamesTest {
    private static final String FILES = "/remote.php/dav/files/bob";
    private static final String INVALID_PATH = "OCA\\DAV\\Connector\\Sabre\\Exception\\InvalidPath";
    private static final String OWNCLOUD_ERROR_NS = "o:";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        assertEquals(201, bob.send("PUT", FILES + "/plan.txt", "plan").statusCode());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void reservedNameBodyIsNextcloudsInvalidPathWithRetryAndReason() {
        HttpResponse<String> response = bob.send("PUT", FILES + "/.htaccess", "deny from all");
        assertEquals(400, response.statusCode());
        assertEquals("application/xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("""
                <?xml version="1.0" encoding="utf-8"?>
                <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:o="http://owncloud.org/ns">
                  <s:exception>OCA\\DAV\\Connector\\Sabre\\Exception\\InvalidPath</s:exception>
                  <s:message>Filename is a reserved word</s:message>
                  <o:retry xmlns:o="o:">false</o:retry>
                  <o:reason xmlns:o="o:">Filename is a reserved word</o:reason>
                </d:error>
                """, response.body());
    }

    @Test
    void putRefusesForbiddenNamesWithNextcloudsReasons() {
        assertInvalid(bob.send("PUT", FILES + "/.HTAccess", "x"), "Filename is a reserved word");
        assertInvalid(bob.send("PUT", FILES + "/a%5Cb.txt", "x"), "\"\\\" is not allowed inside a file or folder name.");
        assertInvalid(bob.send("PUT", FILES + "/" + "n".repeat(247) + ".txt", "x"), "Filename is too long");
        assertInvalid(bob.send("PUT", FILES + "/" + "%C3%A9".repeat(126), "x"), "Filename is too long");
        assertInvalid(bob.send("PUT", FILES + "/upload.PART", "x"), "\".part\" is a forbidden file type.");
        assertInvalid(bob.send("PUT", FILES + "/upload.filepart", "x"), "\".filepart\" is a forbidden file type.");
        assertInvalid(bob.send("PUT", FILES + "/bell%07.txt", "x"), "Filename contains at least one invalid character");
        assertInvalid(bob.send("PUT", FILES + "/%20%20", "x"), "Empty filename is not allowed");
        assertEquals(404, bob.send("GET", FILES + "/a%5Cb.txt", null).statusCode(), "nothing was stored");
    }

    @Test
    void putAcceptsWhatNextcloudAcceptsByDefault() {
        assertEquals(201, bob.send("PUT", FILES + "/" + "n".repeat(246) + ".txt", "x").statusCode(), "250 bytes");
        assertEquals(201, bob.send("PUT", FILES + "/trailing.", "x").statusCode());
        assertEquals(201, bob.send("PUT", FILES + "/trailing%20", "x").statusCode());
        assertEquals(201, bob.send("PUT", FILES + "/.hidden", "x").statusCode());
        assertEquals(201, bob.send("PUT", FILES + "/notes.htaccess", "x").statusCode());
    }

    @Test
    void mkcolRefusesForbiddenNames() {
        assertInvalid(bob.send("MKCOL", FILES + "/.htaccess", null), "Filename is a reserved word");
        assertInvalid(bob.send("MKCOL", FILES + "/a%5Cb", null), "\"\\\" is not allowed inside a file or folder name.");
        assertInvalid(bob.send("MKCOL", FILES + "/" + "d".repeat(251), null), "Filename is too long");
        assertEquals(409, bob.send("MKCOL", FILES + "/missing/.htaccess", null).statusCode(),
                     "the parent is checked before the name");
    }

    @Test
    void moveAndCopyTargetsAreValidatedWithTheValidatorsOwnMessages() {
        for (String method : new String[] {"MOVE", "COPY"}) {
            assertInvalid(moveOrCopy(method, "/.htaccess"), "Filename is a reserved word");
            assertInvalid(moveOrCopy(method, "/a%5Cb.txt"), "\"\\\" is not allowed inside a file or folder name.");
            assertInvalid(moveOrCopy(method, "/plan.part"), "\".part\" is a forbidden file type.");
            assertInvalid(moveOrCopy(method, "/" + "n".repeat(251)), "");
            assertInvalid(moveOrCopy(method, "/tab%09.txt"), "");
        }
        assertEquals(200, bob.send("GET", FILES + "/plan.txt", null).statusCode(), "the source is untouched");
    }

    @Test
    void readingAReservedNameIsRefusedToo() {
        assertInvalid(bob.send("GET", FILES + "/.htaccess", null), "Filename is a reserved word");
        assertInvalid(bob.send("PROPFIND", FILES + "/.htaccess", null, "Depth", "0"), "Filename is a reserved word");
    }

    private HttpResponse<String> moveOrCopy(String method, String target) {
        return bob.send(method, FILES + "/plan.txt", null, "Destination", sim.baseUrl() + FILES + target);
    }

    private static void assertInvalid(HttpResponse<String> response, String reason) {
        assertEquals(400, response.statusCode(), response.body());
        SabreBody body = SabreBody.of(response);
        assertEquals(INVALID_PATH, body.exception());
        assertEquals(reason, body.message());
        assertEquals(Optional.of("false"), body.text(OWNCLOUD_ERROR_NS, "retry"));
        assertEquals(Optional.of(reason), body.text(OWNCLOUD_ERROR_NS, "reason"));
    }
}
