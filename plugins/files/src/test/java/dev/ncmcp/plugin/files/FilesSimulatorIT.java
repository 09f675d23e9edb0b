package dev.ncmcp.plugin.files;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.RecordedRequest;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search and favorites, which Apache lacks, against the Nextcloud simulator (Nextcloud-like SEARCH and REPORT). */
class FilesSimulatorIT {

    private static NextcloudSimulator simulator;
    private static NextcloudClient client;
    private static Map<String, ToolDefinition> tools;

    @BeforeAll
    static void start() throws Exception {
        simulator = NextcloudSimulator.builder().user("alice", "alice-pw").build().start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl()).build())
                .appPassword("alice", "alice-pw");
        tools = FilesToolsIT.toolsOf(FilesToolsIT.plugin(Map.of()));
        call("nc_files_create_directory", FilesToolsIT.args("path", "/Docs"));
        call("nc_files_create_directory", FilesToolsIT.args("path", "/Photos"));
        write("/Docs/hello.txt", "hello");
        write("/Docs/data.json", "{}");
        write("/Docs/Hello world report.md", "# report");
        call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Photos/cat.png")
                .add("base64", Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).build());
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void searchesByNameAnywhere() throws Exception {
        List<String> paths = paths(call("nc_files_search", FilesToolsIT.args("name", "hello")));
        assertTrue(paths.containsAll(List.of("/Docs/hello.txt", "/Docs/Hello world report.md")), paths.toString());
        assertFalse(paths.contains("/Docs/data.json"), paths.toString());

        RecordedRequest search = simulator.requests().stream().filter(r -> r.method().equals("SEARCH"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("/remote.php/dav/", search.path());
    }

    @Test
    void searchesByWildcardAndFolder() throws Exception {
        List<String> paths = paths(call("nc_files_search", Json.createObjectBuilder()
                .add("name", "*.json").add("path", "/Docs").build()));
        assertEquals(List.of("/Docs/data.json"), paths);
    }

    @Test
    void searchesByContentTypePrefix() throws Exception {
        JsonObject result = call("nc_files_search", FilesToolsIT.args("contentType", "image/"))
                .structuredContent().asJsonObject();
        assertEquals(List.of("/Photos/cat.png"), paths(result));
        JsonObject hit = result.getJsonArray("entries").getJsonObject(0);
        assertEquals("file", hit.getString("type"));
        assertEquals("image/png", hit.getString("contentType"));
    }

    @Test
    void listsFavorites() throws Exception {
        String root = client.filesRoot();
        int status = client.send(NextcloudRequest.builder("PROPPATCH", root + "Docs/hello.txt").xml("""
                <?xml version="1.0"?>
                <d:propertyupdate xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
                  <d:set><d:prop><oc:favorite>1</oc:favorite></d:prop></d:set>
                </d:propertyupdate>
                """).build()).status();
        assertEquals(207, status);
        JsonObject favorites = call("nc_files_list_favorites", JsonValue.EMPTY_JSON_OBJECT)
                .structuredContent().asJsonObject();
        assertEquals(List.of("/Docs/hello.txt"), paths(favorites));
        assertTrue(favorites.getJsonArray("entries").getJsonObject(0).getBoolean("favorite"));

        JsonObject listing = call("nc_files_list_directory", FilesToolsIT.args("path", "/Docs"))
                .structuredContent().asJsonObject();
        for (JsonObject entry : listing.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            assertEquals(entry.getString("name").equals("hello.txt"), entry.getBoolean("favorite"), entry.toString());
        }
    }

    @Test
    void writesWithEtagsLikeNextcloud() throws Exception {
        JsonObject first = call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Docs/e.txt")
                .add("content", "1").build()).structuredContent().asJsonObject();
        String etag = first.getString("etag");
        call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Docs/e.txt")
                .add("content", "2").add("etag", etag).build());
        ToolException stale = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () ->
                call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Docs/e.txt")
                        .add("content", "3").add("etag", etag).build()));
        assertEquals(ToolException.Kind.CONFLICT, stale.kind());
        ToolException missing = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () ->
                call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Nope/e.txt")
                        .add("content", "3").build()));
        assertEquals(ToolException.Kind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("nc_files_create_directory"), missing.getMessage());
        assertEquals("2", call("nc_files_read_file", FilesToolsIT.args("path", "/Docs/e.txt"))
                .structuredContent().asJsonObject().getString("text"));
    }

    @Test
    void maintenanceIsSaidAsSuchThoughWebDavSendsNoMaintenanceHeader() {
        simulator.maintenance(true);
        try {
            ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () ->
                    call("nc_files_list_directory", FilesToolsIT.args("path", "/Docs")));
            assertEquals(ToolException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("maintenance mode"), e.getMessage());
        } finally {
            simulator.maintenance(false);
        }
    }

    @Test
    void aFullQuotaIsAQuotaErrorNotAnOutage() {
        simulator.failNext(1, 507, null);
        ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () ->
                call("nc_files_write_file", Json.createObjectBuilder().add("path", "/Docs/q.txt")
                        .add("content", "x").build()));
        assertEquals(ToolException.Kind.QUOTA_EXCEEDED, e.kind());
        assertFalse(e.getMessage().contains("unavailable"), e.getMessage());
    }

    private static List<String> paths(ToolResult result) {
        return paths(result.structuredContent().asJsonObject());
    }

    private static List<String> paths(JsonObject result) {
        return result.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("path")).sorted().toList();
    }

    private static void write(String path, String content) throws ToolException {
        call("nc_files_write_file", Json.createObjectBuilder().add("path", path).add("content", content).build());
    }

    private static ToolResult call(String name, JsonObject arguments) throws ToolException {
        ToolDefinition tool = tools.get(name);
        ToolResult result = tool.handler().call(TestInvocation.of(arguments, client, FilesPlugin.READ, FilesPlugin.WRITE));
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(),
                "structuredContent"), name + " output");
        return result;
    }
}
