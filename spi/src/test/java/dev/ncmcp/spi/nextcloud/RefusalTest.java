package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalTest {

    static NextcloudResponse answer(int status, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new NextcloudResponse(status, map, body.getBytes(StandardCharsets.UTF_8));
    }

    static String sabre(String exception, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
                  <s:exception>%s</s:exception>
                  <s:message>%s</s:message>
                </d:error>""".formatted(exception, message);
    }

    @Test
    void sabreErrorsGiveTheirMessageAndException() {
        Refusal refusal = Refusal.of(answer(507, sabre("Sabre\\DAV\\Exception\\InsufficientStorage",
                "Insufficient space in /Projects/small.txt, 4 required, 0 available")));
        assertEquals(Optional.of("Insufficient space in /Projects/small.txt, 4 required, 0 available"), refusal.reason());
        assertTrue(refusal.threw("InsufficientStorage"));
        ToolException e = refusal.toException("/Projects/small.txt", null);
        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("4 required, 0 available"), e.getMessage());
    }

    @Test
    void aBadRequestPassesNextcloudsReasonOn() {
        ToolException e = Refusal.of(answer(400, sabre("OCA\\DAV\\Connector\\Sabre\\Exception\\InvalidPath",
                "Filename is a reserved word"))).toException("/.htaccess", null);
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertEquals("Nextcloud rejected the request for /.htaccess: Filename is a reserved word.", e.getMessage());
    }

    @Test
    void jsonErrorsOfAppsAndOcsAreRead() {
        Refusal locked = Refusal.of(answer(423, "{\"errorType\":\"OCP\\\\Lock\\\\LockedException\"}",
                "Content-Type", "application/json"));
        assertTrue(locked.threw("LockedException"));
        assertEquals(Kind.LOCKED, locked.toException("note 7", null).kind());
        assertTrue(locked.toException("note 7", null).getMessage().startsWith("Note 7 is locked"));
        assertEquals(Optional.of("Permission denied"),
                Refusal.of(answer(403, "{\"status\":403,\"message\":\"Permission denied\"}")).reason());
        assertEquals(Optional.of("Recipe name exists"), Refusal.of(answer(409, "{\"msg\":\"Recipe name exists\"}")).reason());
        assertEquals(Optional.of("Wrong path, file/folder does not exist"), Refusal.of(answer(404,
                "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"Wrong path, file/folder does not exist\"},\"data\":[]}}"))
                .reason());
    }

    @Test
    void maintenanceIsSaidAsSuchWhateverTheStatus() {
        Refusal webdav = Refusal.of(answer(503, sabre("OCA\\DAV\\Exception\\ServerMaintenanceMode",
                "System is in maintenance mode.")));
        assertTrue(webdav.maintenance());
        assertTrue(webdav.toException("/", null).getMessage().contains("maintenance mode"));
        assertTrue(Refusal.of(answer(503, "<html/>", "X-Nextcloud-Maintenance-Mode", "1")).maintenance());
    }

    @Test
    void aPreconditionOnAMissingObjectIsNotFoundNotAConflict() {
        ToolException missing = Refusal.of(answer(412, sabre("Sabre\\DAV\\Exception\\PreconditionFailed",
                "An If-Match header was specified and the resource did not exist"))).toException("/a.txt", null);
        assertEquals(Kind.NOT_FOUND, missing.kind());
        ToolException stale = Refusal.of(answer(412, sabre("Sabre\\DAV\\Exception\\PreconditionFailed",
                "An If-Match header was specified, but none of the specified ETags matched.")))
                .toException("/a.txt", Json.createValue("current"));
        assertEquals(Kind.CONFLICT, stale.kind());
        assertEquals(Json.createValue("current"), stale.details());
    }

    @Test
    void reasonsAreOneBoundedLine() {
        String long1000 = "x".repeat(1000);
        Refusal refusal = Refusal.of(answer(400, "{\"message\":\"line one\\nline two " + long1000 + "\"}"));
        String reason = refusal.reason().orElseThrow();
        assertTrue(reason.startsWith("line one line two"), reason);
        assertTrue(reason.length() <= Refusal.MAX_REASON + 1, "bounded: " + reason.length());
        assertEquals(Optional.empty(), Refusal.of(answer(500, "not xml or json")).reason());
    }

    @Test
    void answerPassesExpectedStatusesAndLetsToolsSayMoreForOthers() throws ToolException {
        NextcloudResponse ok = answer(201, "");
        assertSame(ok, Answer.of(ok).about("/a").expect(200, 201));
        ToolException custom = assertThrows(ToolException.class, () -> Answer.of(answer(404, "")).about("/a/b")
                .on(404, refusal -> ToolException.notFound("The folder /a does not exist. Create it first."))
                .expect(201));
        assertEquals("The folder /a does not exist. Create it first.", custom.getMessage());
        ToolException conflict = assertThrows(ToolException.class, () -> Answer.of(answer(412, "")).about("/a")
                .current(() -> Json.createValue("now")).expect(204));
        assertEquals(Json.createValue("now"), conflict.details());
        ToolException fallback = assertThrows(ToolException.class, () -> Answer.of(answer(418, "")).about("/a")
                .on(418, refusal -> null).expect(200));
        assertEquals(Kind.UPSTREAM_ERROR, fallback.kind());
    }

    @Test
    void etagsAreNormalisedFromWhatAModelPassesBack() {
        assertEquals("\"abc\"", Etag.parse("abc").orElseThrow().header());
        assertEquals("\"abc\"", Etag.parse("\"abc\"").orElseThrow().header());
        assertEquals("W/\"abc\"", Etag.parse(" W/\"abc\" ").orElseThrow().header());
        assertEquals("\"abc\"", Etag.parse("W/\"abc\"").orElseThrow().strongHeader());
        assertEquals(Optional.empty(), Etag.parse("  "));
    }

    @Test
    void ocsDataAndFailuresOfBothVersions() throws NextcloudException {
        NextcloudResponse v1 = answer(200, "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":404,\"message\":\"Share not found\"},\"data\":[]}}");
        NextcloudException e = assertThrows(NextcloudException.class, () -> Ocs.data("GET", "/ocs/v1.php/x", v1));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals("Nextcloud refused GET /ocs/v1.php/x (OCS status 404: Share not found)", e.getMessage());
        NextcloudResponse v2 = answer(200, "{\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200},\"data\":{\"a\":1}}}");
        assertEquals(Json.createObjectBuilder().add("a", 1).build(), Ocs.data("GET", "/ocs/v2.php/x", v2));
    }
}
