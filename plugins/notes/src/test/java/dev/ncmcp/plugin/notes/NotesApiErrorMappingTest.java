package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How Nextcloud's answers become errors, with a hand-written client that answers one canned response. */
class NotesApiErrorMappingTest {

    private static final String JSON = "application/json; charset=utf-8";

    private static Kind kindOf(int status, String contentType, String body, ThrowingCall call) {
        CannedClient client = new CannedClient(status, contentType, body);
        return assertThrows(ToolException.class, () -> call.run(new NotesApi(client))).kind();
    }

    @Test
    void unknownIdIsNotFound() {
        assertEquals(Kind.NOT_FOUND, kindOf(404, JSON,
                "{\"errorType\":\"OCA\\\\Notes\\\\Service\\\\NoteDoesNotExistException\"}", api -> api.get(5, true)));
    }

    @Test
    void htmlPageNotFoundMeansTheAppIsNotInstalled() {
        CannedClient client = new CannedClient(404, "text/html; charset=UTF-8", "<h2>Page not found</h2>");
        ToolException e = assertThrows(ToolException.class, () -> new NotesApi(client).list(Optional.empty(), false));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("not installed"), e.getMessage());
    }

    @Test
    void overQuotaIsAQuotaErrorNotAnOutage() {
        CannedClient client = new CannedClient(507, JSON,
                "{\"errorType\":\"OCA\\\\Notes\\\\Service\\\\InsufficientStorageException\"}");
        ToolException e = assertThrows(ToolException.class,
                () -> new NotesApi(client).create(Json.createObjectBuilder().add("title", "t").build()));
        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("storage space"), e.getMessage());
    }

    @Test
    void badIdIsInvalidArgument() {
        assertEquals(Kind.INVALID_ARGUMENT, kindOf(400, JSON, "[]", api -> api.get(5, true)));
    }

    @Test
    void appNotEnabledIsPermissionDenied() {
        assertEquals(Kind.PERMISSION_DENIED, kindOf(412, JSON, "{\"message\":\"App is not enabled\"}", api -> api.list(Optional.empty(), true)));
        assertEquals(Kind.PERMISSION_DENIED, kindOf(412, JSON, "{\"message\":\"App is not enabled\"}",
                api -> api.update(5, JsonValue.EMPTY_JSON_OBJECT, Etag.parse("abc"))));
    }

    @Test
    void preconditionFailedWithANoteIsAConflictCarryingThatNote() throws ToolException {
        CannedClient client = new CannedClient(412, JSON,
                "{\"id\":5,\"title\":\"T\",\"modified\":1,\"category\":\"\",\"favorite\":false,\"content\":\"now\",\"etag\":\"e2\"}");
        NotesApi.Update outcome = new NotesApi(client).update(5, Json.createObjectBuilder().add("content", "x").build(), Etag.parse("e1"));
        assertEquals("now", assertInstanceOf(NotesApi.Update.Conflict.class, outcome).note().content());
        assertEquals("\"e1\"", client.requests.getFirst().header("If-Match"));
    }

    @Test
    void bodiesOfTheWrongShapeAreUpstreamErrors() {
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, JSON, "{\"unexpected\":true}", api -> api.get(5, true)));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, JSON, "{\"id\":\"five\"}", api -> api.get(5, true)));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, "text/html", "<html>", api -> api.get(5, true)));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, JSON, "{\"id\":5}", api -> api.list(Optional.empty(), false)));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, JSON, "[1, 2]", api -> api.list(Optional.empty(), false)));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(200, JSON, "[]", NotesApi::settings));
        assertEquals(Kind.UPSTREAM_ERROR, kindOf(409, JSON, "{}", api -> {
            api.delete(5);
            return null;
        }));
    }

    @Test
    void etagsAreSentQuotedExactlyOnce() {
        assertEquals("\"abc\"", quoted("abc"));
        assertEquals("\"abc\"", quoted("\"abc\""));
        assertEquals("\"abc\"", quoted("W/\"abc\""));
    }

    @Test
    void appendingPutsTheTextOnItsOwnLine() {
        assertEquals("a\nb", NotesTools.appended("a", "b"));
        assertEquals("a\nb", NotesTools.appended("a\n", "b"));
        assertEquals("b", NotesTools.appended("", "b"));
    }

    private static String quoted(String etag) {
        return Etag.parse(etag).orElseThrow().strongHeader();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run(NotesApi api) throws ToolException;
    }

    private static final class CannedClient implements NextcloudClient {
        private final NextcloudResponse response;
        final List<NextcloudRequest> requests = new ArrayList<>();

        CannedClient(int status, String contentType, String body) {
            this.response = new NextcloudResponse(status, Map.of("Content-Type", List.of(contentType)),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public NextcloudResponse send(NextcloudRequest request) {
            requests.add(request);
            return response;
        }

        @Override
        public String baseUrl() {
            return "http://nextcloud.test";
        }

        @Override
        public String loginName() {
            return "bob";
        }

        @Override
        public String filesRoot() {
            return "/remote.php/dav/files/bob/";
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) {
            return JsonValue.NULL;
        }
    }
}
