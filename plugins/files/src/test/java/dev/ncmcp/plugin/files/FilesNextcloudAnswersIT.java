package dev.ncmcp.plugin.files;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers of Nextcloud 31 that NextcloudAnswersTest scripts, from the simulator through the real HTTP client. */
class FilesNextcloudAnswersIT {

    private static NextcloudSimulator simulator;
    private static NextcloudClient client;
    private static Map<String, ToolDefinition> tools;

    @BeforeAll
    static void start() throws Exception {
        simulator = NextcloudSimulator.builder().user("alice", "alice-pw").build().start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl()).build())
                .appPassword("alice", "alice-pw");
        tools = FilesToolsIT.toolsOf(FilesToolsIT.plugin(Map.of()));
        call("nc_files_create_directory", FilesToolsIT.args("path", "/Projects"));
        call("nc_files_write_file", write("/Projects/notes.txt").add("content", "notes"));
        call("nc_files_write_file", write("/Projects/logo.png").add("base64", "iVBORw0KGgo="));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void overQuotaIsAQuotaError() {
        simulator.quota("alice", 5);
        try {
            ToolException e = fails("nc_files_write_file", write("/Projects/small.txt").add("content", "abcd"));
            assertEquals(Kind.QUOTA_EXCEEDED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("Insufficient space in /Projects/small.txt, 4 required, 0 available"),
                    e.getMessage());
        } finally {
            simulator.unlimitedQuota("alice");
        }
    }

    @Test
    void forbiddenNamesAreRefusedWithNextcloudsReason() {
        ToolException reserved = fails("nc_files_write_file", write("/Projects/.htaccess").add("content", "x"));
        assertEquals(Kind.INVALID_ARGUMENT, reserved.kind());
        assertTrue(reserved.getMessage().contains("Filename is a reserved word"), reserved.getMessage());
        ToolException backslash = fails("nc_files_create_directory", FilesToolsIT.args("path", "/Projects/a\\b"));
        assertEquals(Kind.INVALID_ARGUMENT, backslash.kind());
        assertTrue(backslash.getMessage().contains("\"\\\" is not allowed inside a file or folder name"),
                backslash.getMessage());
        ToolException tooLong = fails("nc_files_move",
                FilesToolsIT.transfer("/Projects/notes.txt", "/Projects/" + "n".repeat(260), false));
        assertEquals(Kind.INVALID_ARGUMENT, tooLong.kind(), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("not expected"), tooLong.getMessage());
    }

    @Test
    void conflictsSayWhatHappened() {
        ToolException ontoFolder = fails("nc_files_write_file", write("/Projects").add("content", "x"));
        assertEquals("/Projects is a folder; a file cannot be written over it.", ontoFolder.getMessage());
        ToolException underFile = fails("nc_files_create_directory", Json.createObjectBuilder()
                .add("path", "/Projects/notes.txt/sub").add("parents", true));
        assertTrue(underFile.getMessage().contains("/Projects/notes.txt is a file, not a folder"), underFile.getMessage());
        assertFalse(underFile.getMessage().contains("'parents'"), underFile.getMessage());
        ToolException intoFile = fails("nc_files_move",
                FilesToolsIT.transfer("/Projects/logo.png", "/Projects/notes.txt/logo.png", false));
        assertTrue(intoFile.getMessage().startsWith("/Projects/notes.txt is a file, not a folder"), intoFile.getMessage());
        ToolException gone = fails("nc_files_write_file", write("/Projects/gone.txt").add("content", "x")
                .add("etag", "\"abc\""));
        assertEquals(Kind.NOT_FOUND, gone.kind());
        assertFalse(gone.getMessage().contains("changed since"), gone.getMessage());
    }

    @Test
    void searchTakesPercentAndUnderscoreLiterallyAndSaysWhenItCut() throws ToolException {
        call("nc_files_create_directory", FilesToolsIT.args("path", "/100% done"));
        for (String name : List.of("a_b.txt", "axb.txt", "100%.txt", "1000.txt")) {
            call("nc_files_write_file", write("/100% done/" + name).add("content", name));
        }
        assertEquals(List.of("/100% done/a_b.txt"), paths(call("nc_files_search", Json.createObjectBuilder()
                .add("name", "a_b").add("path", "/100% done"))));
        assertEquals(List.of("/100% done", "/100% done/100%.txt"), paths(call("nc_files_search",
                Json.createObjectBuilder().add("name", "100%"))), "not 1000.txt");
        JsonObject cut = call("nc_files_search", Json.createObjectBuilder().add("name", "*.txt")
                .add("path", "/100% done").add("limit", 3));
        assertEquals(3, cut.getInt("count"));
        assertTrue(cut.getBoolean("truncated"));
        JsonObject all = call("nc_files_search", Json.createObjectBuilder().add("name", "*.txt")
                .add("path", "/100% done").add("limit", 4));
        assertEquals(4, all.getInt("count"));
        assertFalse(all.getBoolean("truncated"));
    }

    @Test
    void readFileGivesTheStoredTypeOfSvg() throws ToolException {
        call("nc_files_write_file", write("/Projects/logo.svg").add("content", "<svg/>"));
        JsonObject read = call("nc_files_read_file", FilesToolsIT.args("path", "/Projects/logo.svg"));
        assertEquals("image/svg+xml", read.getString("contentType"));
        assertEquals("<svg/>", read.getString("text"));
    }

    private static JsonObjectBuilder write(String path) {
        return Json.createObjectBuilder().add("path", path);
    }

    private static List<String> paths(JsonObject found) {
        return found.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("path")).sorted().toList();
    }

    private static ToolException fails(String tool, Object arguments) {
        return assertThrows(ToolException.class, () -> call(tool, arguments));
    }

    private static JsonObject call(String tool, Object arguments) throws ToolException {
        JsonObject json = arguments instanceof JsonObjectBuilder builder ? builder.build() : (JsonObject) arguments;
        return tools.get(tool).handler().call(TestInvocation.of(json, client, FilesPlugin.READ, FilesPlugin.WRITE))
                .structuredContent().asJsonObject();
    }
}
