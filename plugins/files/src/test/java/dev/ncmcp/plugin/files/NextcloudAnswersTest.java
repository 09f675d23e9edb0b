package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a real Nextcloud 31.0.2 answered where the files tools used to say the wrong thing, as scripted answers. */
class NextcloudAnswersTest {

    private final FilesRequestsTest.FakeClient client = new FilesRequestsTest.FakeClient();
    private final Map<String, ToolDefinition> tools = FilesToolsIT.toolsOf(FilesToolsIT.plugin(Map.of()));

    @Test
    void overQuotaIsAQuotaErrorWithNextcloudsSentence() {
        answer(507, sabre("Sabre\\DAV\\Exception\\InsufficientStorage",
                "Insufficient space in /Projects/small.txt, 4 required, 0 available"));
        ToolException e = fails("nc_files_write_file", write("/Projects/small.txt").add("content", "abcd"));
        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("Insufficient space in /Projects/small.txt, 4 required, 0 available"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Filename is a reserved word", "\"\\\" is not allowed inside a file or folder name",
            "Filename is too long"})
    void forbiddenNamesPassNextcloudsReasonOn(String reason) {
        String invalidPath = "OCA\\DAV\\Connector\\Sabre\\Exception\\InvalidPath";
        List<ToolException> refusals = List.of(
                failsWith(400, sabre(invalidPath, reason), "nc_files_write_file", write("/x").add("content", "x")),
                failsWith(400, sabre(invalidPath, reason), "nc_files_create_directory", args("path", "/x")),
                failsWith(400, sabre(invalidPath, reason), "nc_files_move", FilesToolsIT.transfer("/a", "/x", false)));
        for (ToolException e : refusals) {
            assertEquals(Kind.INVALID_ARGUMENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage());
            assertFalse(e.getMessage().contains("not expected"), e.getMessage());
        }
    }

    @Test
    void writingOntoAFolderSaysItIsAFolder() {
        ToolException e = failsWith(409, sabre("Sabre\\DAV\\Exception\\Conflict", "PUT is not allowed on non-files."),
                "nc_files_write_file", write("/Projects").add("content", "x"));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertEquals("/Projects is a folder; a file cannot be written over it.", e.getMessage());
    }

    @Test
    void makingAFolderUnderAFileSaysTheFileIsInTheWay() {
        String notACollection = sabre("Sabre\\DAV\\Exception\\Conflict", "Parent node is not a collection");
        ToolException e = failsWith(409, notACollection, "nc_files_create_directory", args("path", "/a.txt/sub"));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("/a.txt is a file, not a folder"), e.getMessage());
        assertFalse(e.getMessage().contains("does not exist"), e.getMessage());

        answer(405, sabre("Sabre\\DAV\\Exception\\MethodNotAllowed", "The resource you tried to create already exists"));
        e = failsWith(409, notACollection, "nc_files_create_directory",
                Json.createObjectBuilder().add("path", "/a.txt/sub").add("parents", true));
        assertTrue(e.getMessage().contains("/a.txt is a file"), e.getMessage());
        assertFalse(e.getMessage().contains("'parents'"), "parents was already true: " + e.getMessage());
    }

    @Test
    void aMissingParentSuggestsParentsOnlyWhenItWasNotGiven() {
        String missing = sabre("Sabre\\DAV\\Exception\\Conflict", "Parent node does not exist");
        ToolException without = failsWith(409, missing, "nc_files_create_directory", args("path", "/no/d"));
        assertEquals(Kind.NOT_FOUND, without.kind());
        assertTrue(without.getMessage().contains("pass 'parents': true"), without.getMessage());

        answer(201);
        ToolException with = failsWith(409, missing, "nc_files_create_directory",
                Json.createObjectBuilder().add("path", "/no/d").add("parents", true));
        assertEquals(Kind.NOT_FOUND, with.kind());
        assertFalse(with.getMessage().contains("'parents'"), with.getMessage());
    }

    @Test
    void movingOrCopyingIntoAFileSaysTheDestinationIsAFile() {
        for (String tool : List.of("nc_files_move", "nc_files_copy")) {
            ToolException e = failsWith(415, sabre("Sabre\\DAV\\Exception\\UnsupportedMediaType",
                    "The destination node is not a collection"), tool, FilesToolsIT.transfer("/a", "/b.txt/a", false));
            assertEquals(Kind.INVALID_ARGUMENT, e.kind());
            assertTrue(e.getMessage().startsWith("/b.txt is a file, not a folder"), e.getMessage());
            assertTrue(e.getMessage().contains("The destination node is not a collection"), e.getMessage());
        }
    }

    @Test
    void writingAtAnEtagToAMissingFileSaysItDoesNotExist() {
        ToolException e = failsWith(412, sabre("Sabre\\DAV\\Exception\\PreconditionFailed",
                        "An If-Match header was specified and the resource did not exist"),
                "nc_files_write_file", write("/gone.txt").add("content", "x").add("etag", "abc"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("changed since"), e.getMessage());
    }

    @Test
    void maintenanceIsSaidAsSuch() {
        ToolException e = failsWith(503, sabre("OCA\\DAV\\Exception\\ServerMaintenanceMode",
                "System is in maintenance mode."), "nc_files_list_directory", args("path", "/"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("maintenance"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_-_QUJD", "-_-_", "QUJ", "QUJD=", "QU=D", "QR==", "QUJD!"})
    void base64ThatIsNotStrictStandardBase64IsRejectedAndNothingIsWritten(String base64) {
        ToolException e = assertThrows(ToolException.class,
                () -> call("nc_files_write_file", write("/a.bin").add("base64", base64)));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("'base64'"), e.getMessage());
        assertEquals(List.of(), client.requests, "nothing was sent");
    }

    @Test
    void base64MayBeWrappedOverLines() throws ToolException {
        answer(201, "", "ETag", "\"e\"");
        call("nc_files_write_file", write("/a.bin").add("base64", "QUJD\r\nREVG\n"));
        assertEquals("ABCDEF", new String(client.requests.getLast().body(), StandardCharsets.US_ASCII));
    }

    @Test
    void searchTakesNameAndScopeLiterallyAndFiltersWhatTheServerMatchedTooWidely() throws ToolException {
        answer(207, multistatus("/Budget 100%", "/Budget 100%/100% sure.txt", "/Budget 100%/1000 sure.txt"));
        JsonObject found = call("nc_files_search", Json.createObjectBuilder().add("name", "100%")
                .add("path", "/Budget 100%"));
        String body = new String(client.requests.getLast().body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<d:href>/files/alice/Budget 100%</d:href>"), body);
        assertTrue(body.contains("<d:literal>%100\\%%</d:literal>"), body);
        assertEquals(List.of("/Budget 100%/100% sure.txt"), paths(found), "no scope folder, no 1000");
        assertFalse(found.getBoolean("truncated"));

        answer(207, multistatus());
        call("nc_files_search", args("name", "a_b\\*.txt"));
        body = new String(client.requests.getLast().body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<d:literal>a\\_b\\\\%.txt</d:literal>"), body);
    }

    @Test
    void searchSaysWhenTheListWasCut() throws ToolException {
        answer(207, multistatus("/", "/d.txt", "/c.txt", "/b.txt"));
        JsonObject found = call("nc_files_search", Json.createObjectBuilder().add("name", "txt").add("limit", 2));
        assertEquals(List.of("/d.txt", "/c.txt"), paths(found));
        assertEquals(2, found.getInt("count"));
        assertTrue(found.getBoolean("truncated"));
        assertTrue(body(client.requests.getLast()).contains("<d:nresults>4</d:nresults>"));

        answer(207, multistatus("/", "/d.txt", "/c.txt"));
        found = call("nc_files_search", Json.createObjectBuilder().add("name", "txt").add("limit", 2));
        assertEquals(2, found.getInt("count"));
        assertFalse(found.getBoolean("truncated"), "the scope folder does not count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "application/yaml"})
    void readFileReportsTheStoredTypeNotTheDownloadsTextPlain(String stored) throws ToolException {
        answer(207, multistatus(Map.of("/f", stored)));
        answer(200, "a: b", "Content-Type", "text/plain;charset=UTF-8");
        ToolResult result = tools.get("nc_files_read_file").handler()
                .call(TestInvocation.of(FilesToolsIT.args("path", "/f"), client, FilesPlugin.READ));
        assertEquals(stored, result.structuredContent().asJsonObject().getString("contentType"));
        assertEquals(List.of(new Content.Text("a: b")), result.content());

        answer(207, multistatus("/f"));
        answer(200, "a: b", "Content-Type", "text/plain;charset=UTF-8");
        assertEquals("text/plain", call("nc_files_read_file", FilesToolsIT.args("path", "/f")).getString("contentType"),
                "the download's type when PROPFIND has none");
    }

    // ------------------------------------------------------------------ helpers

    static String sabre(String exception, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
                  <s:exception>%s</s:exception>
                  <s:message>%s</s:message>
                </d:error>""".formatted(exception, message);
    }

    /** A Multi-Status listing these user paths as files (with a stored content type, when given). */
    static String multistatus(Map<String, String> typed) {
        StringBuilder body = new StringBuilder("<d:multistatus xmlns:d=\"DAV:\">");
        typed.forEach((path, type) -> body.append("<d:response><d:href>/remote.php/dav/files/alice")
                .append(path.equals("/") ? "/" : path.replace("%", "%25").replace(" ", "%20"))
                .append("</d:href><d:propstat><d:prop>")
                .append(path.equals("/") ? "<d:resourcetype><d:collection/></d:resourcetype>" : "<d:resourcetype/>")
                .append(type.isEmpty() ? "" : "<d:getcontenttype>" + type + "</d:getcontenttype>")
                .append("</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"));
        return body.append("</d:multistatus>").toString();
    }

    static String multistatus(String... paths) {
        Map<String, String> untyped = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            untyped.put(path, "");
        }
        return multistatus(untyped);
    }

    private void answer(int status) {
        answer(status, "");
    }

    private void answer(int status, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        client.answer(new NextcloudResponse(status, map, body.getBytes(StandardCharsets.UTF_8)));
    }

    private ToolException failsWith(int status, String body, String tool, Object arguments) {
        answer(status, body);
        return fails(tool, arguments);
    }

    private ToolException fails(String tool, Object arguments) {
        return assertThrows(ToolException.class, () -> call(tool, arguments));
    }

    private JsonObject call(String tool, Object arguments) throws ToolException {
        JsonObject json = arguments instanceof jakarta.json.JsonObjectBuilder builder ? builder.build() : (JsonObject) arguments;
        return tools.get(tool).handler().call(TestInvocation.of(json, client, FilesPlugin.READ, FilesPlugin.WRITE))
                .structuredContent().asJsonObject();
    }

    private static jakarta.json.JsonObjectBuilder write(String path) {
        return Json.createObjectBuilder().add("path", path);
    }

    private static JsonObject args(String name, String value) {
        return FilesToolsIT.args(name, value);
    }

    private static String body(NextcloudRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static List<String> paths(JsonObject found) {
        return found.getJsonArray("entries").getValuesAs(JsonObject.class).stream().map(e -> e.getString("path")).toList();
    }
}
