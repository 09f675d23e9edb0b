package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact WebDAV requests the tools send, and how they read statuses, with a scripted fake client. */
class FilesRequestsTest {

    private final FakeClient client = new FakeClient();
    private final Map<String, ToolDefinition> tools = FilesToolsIT.toolsOf(FilesToolsIT.plugin(Map.of()));

    @Test
    void moveSendsAnAbsoluteEncodedDestinationAndOverwriteF() throws ToolException {
        client.answer(201);
        call("nc_files_move", FilesToolsIT.transfer("/a b/c#.txt", "Ünï/d?.txt", false));
        NextcloudRequest move = client.requests.getFirst();
        assertEquals("MOVE", move.method());
        assertEquals("/remote.php/dav/files/alice/a%20b/c%23.txt", move.path());
        assertEquals("https://cloud.example/remote.php/dav/files/alice/%C3%9Cn%C3%AF/d%3F.txt", move.header("Destination"));
        assertEquals("F", move.header("Overwrite"));

        client.answer(204);
        JsonObject result = call("nc_files_copy", FilesToolsIT.transfer("/x", "/y", true));
        assertEquals("T", client.requests.getLast().header("Overwrite"));
        assertTrue(result.getBoolean("overwritten"));
    }

    @Test
    void followsTheRedirectToTheCollectionUrl() throws ToolException {
        client.answer(new NextcloudResponse(301, Map.of("Location",
                List.of("https://cloud.example/remote.php/dav/files/alice/dir/")), new byte[0]));
        client.answer(204);
        call("nc_files_delete", FilesToolsIT.args("path", "/dir"));
        assertEquals(List.of("/remote.php/dav/files/alice/dir", "/remote.php/dav/files/alice/dir/"),
                client.requests.stream().map(NextcloudRequest::path).toList());
    }

    @Test
    void writeSendsPreconditions() throws ToolException {
        client.answer(new NextcloudResponse(204, Map.of("ETag", List.of("\"new\"")), new byte[0]));
        JsonObject written = call("nc_files_write_file", Json.createObjectBuilder().add("path", "/a.txt")
                .add("content", "x").add("etag", "abc").build());
        assertEquals("\"new\"", written.getString("etag"));
        assertEquals(false, written.getBoolean("created"));
        assertEquals("\"abc\"", client.requests.getLast().header("If-Match"));
        assertEquals("x", new String(client.requests.getLast().body(), StandardCharsets.UTF_8));

        client.answer(201);
        client.answer(404); // no ETag header: the tool asks with PROPFIND
        call("nc_files_write_file", Json.createObjectBuilder().add("path", "/b.md").add("content", "x")
                .add("createOnly", true).build());
        NextcloudRequest put = client.requests.get(client.requests.size() - 2);
        assertEquals("*", put.header("If-None-Match"));
        assertTrue(put.header("Content-Type").startsWith("text/markdown"));
        assertEquals("PROPFIND", client.requests.getLast().method());
    }

    @Test
    void missingParentIsNotFoundForNextcloud404AndApache409() {
        for (int status : new int[] {404, 409}) {
            client.answer(status);
            ToolException e = assertThrows(ToolException.class, () -> call("nc_files_write_file",
                    Json.createObjectBuilder().add("path", "/no/a.txt").add("content", "x").build()));
            assertEquals(ToolException.Kind.NOT_FOUND, e.kind());
            assertTrue(e.getMessage().contains("nc_files_create_directory"), e.getMessage());
        }
    }

    @Test
    void mkcolStatusesMapToConflictAndNotFound() {
        client.answer(405);
        client.answer(404); // the PROPFIND for the conflict details
        assertEquals(ToolException.Kind.CONFLICT, assertThrows(ToolException.class,
                () -> call("nc_files_create_directory", FilesToolsIT.args("path", "/d"))).kind());
        client.answer(409);
        assertEquals(ToolException.Kind.NOT_FOUND, assertThrows(ToolException.class,
                () -> call("nc_files_create_directory", FilesToolsIT.args("path", "/no/d"))).kind());
    }

    @Test
    void searchSendsBasicSearchWithEscapedLiterals() throws ToolException {
        client.answer(207);
        call("nc_files_search", Json.createObjectBuilder().add("name", "a<b&c").add("contentType", "image/*")
                .add("path", "/Docs & more").add("limit", 5).build());
        NextcloudRequest search = client.requests.getLast();
        assertEquals("SEARCH", search.method());
        assertEquals("/remote.php/dav/", search.path());
        String body = new String(search.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<d:href>/files/alice/Docs &amp; more</d:href>"), body);
        assertTrue(body.contains("<d:literal>%a&lt;b&amp;c%</d:literal>"), body);
        assertTrue(body.contains("<d:literal>image/%</d:literal>"), body);
        assertTrue(body.contains("<d:and>"), body);
        // one more than the limit tells a cut list; Nextcloud counts the scope folder against nresults, then drops it
        assertTrue(body.contains("<d:nresults>7</d:nresults>"), body);
    }

    @Test
    void searchAndFavoritesExplainWhenTheServerLacksThem() {
        for (int status : new int[] {400, 405, 501}) {
            client.answer(status);
            ToolException e = assertThrows(ToolException.class,
                    () -> call("nc_files_search", FilesToolsIT.args("name", "x")));
            assertTrue(e.getMessage().contains("not supported by this WebDAV server"), e.getMessage());
            client.answer(status);
            e = assertThrows(ToolException.class, () -> call("nc_files_list_favorites", JsonValue.EMPTY_JSON_OBJECT));
            assertTrue(e.getMessage().contains("not supported by this WebDAV server"), e.getMessage());
        }
        client.fail(new NextcloudException(ToolException.Kind.UNAVAILABLE, "Nextcloud is unavailable: HTTP 502 on REPORT"));
        ToolException e = assertThrows(ToolException.class, () -> call("nc_files_list_favorites", JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(ToolException.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void invalidPathsSendNothing() {
        for (String tool : List.of("nc_files_read_file", "nc_files_delete", "nc_files_list_directory")) {
            assertThrows(ToolException.class, () -> call(tool, FilesToolsIT.args("path", "../secret")));
        }
        assertEquals(List.of(), client.requests);
    }

    private JsonObject call(String name, JsonObject arguments) throws ToolException {
        var result = tools.get(name).handler().call(TestInvocation.of(arguments, client, FilesPlugin.READ, FilesPlugin.WRITE));
        return result.structuredContent().asJsonObject();
    }

    /** Answers each request with the next scripted response; records every request. */
    static final class FakeClient implements NextcloudClient {
        final List<NextcloudRequest> requests = new ArrayList<>();
        private final Deque<Object> script = new ArrayDeque<>();

        void answer(int status) {
            answer(new NextcloudResponse(status, Map.of(), status == 207
                    ? "<d:multistatus xmlns:d=\"DAV:\"/>".getBytes(StandardCharsets.UTF_8) : new byte[0]));
        }

        void answer(NextcloudResponse response) {
            script.add(response);
        }

        void fail(NextcloudException e) {
            script.add(e);
        }

        @Override
        public String baseUrl() {
            return "https://cloud.example";
        }

        @Override
        public String loginName() {
            return "alice";
        }

        @Override
        public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
            requests.add(request);
            Object next = script.isEmpty() ? new NextcloudResponse(500, Map.of(), new byte[0]) : script.removeFirst();
            if (next instanceof NextcloudException e) {
                throw e;
            }
            return (NextcloudResponse) next;
        }

        @Override
        public String filesRoot() {
            return "/remote.php/dav/files/alice/";
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) {
            throw new UnsupportedOperationException();
        }
    }
}
