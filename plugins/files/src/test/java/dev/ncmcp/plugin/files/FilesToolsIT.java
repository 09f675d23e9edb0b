package dev.ncmcp.plugin.files;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.PluginConfig;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.testkit.ApacheDav;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files tools against a real Apache mod_dav through the real Nextcloud client. */
class FilesToolsIT {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static ApacheDav dav;
    private static NextcloudClient client;
    private static Map<String, ToolDefinition> tools;

    @BeforeAll
    static void startApache() throws Exception {
        dav = ApacheDav.start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(dav.baseUrl()).build())
                .appPassword(ApacheDav.USER, ApacheDav.PASSWORD);
        tools = toolsOf(plugin(Map.of()));
    }

    @AfterAll
    static void stopApache() {
        if (dav != null) {
            dav.close();
        }
    }

    @Test
    void createsFoldersAndListsDirectoriesFirstThenByName() throws Exception {
        JsonObject made = call("nc_files_create_directory", Json.createObjectBuilder().add("path", "list").build())
                .structuredContent().asJsonObject();
        assertEquals("/list", made.getString("path"));
        assertTrue(made.getBoolean("created"));
        call("nc_files_create_directory", args("path", "/list/b-dir"));
        write("/list/C.md", "# title\n");
        write("/list/a.txt", "hello");

        JsonObject listing = call("nc_files_list_directory", args("path", "/list/")).structuredContent().asJsonObject();
        assertEquals("/list", listing.getString("path"));
        assertEquals(3, listing.getInt("count"));
        List<String> names = listing.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("name")).toList();
        assertEquals(List.of("b-dir", "a.txt", "C.md"), names);
        JsonObject dir = listing.getJsonArray("entries").getJsonObject(0);
        assertEquals("directory", dir.getString("type"));
        assertEquals("/list/b-dir", dir.getString("path"));
        JsonObject file = listing.getJsonArray("entries").getJsonObject(1);
        assertEquals("file", file.getString("type"));
        assertEquals("/list/a.txt", file.getString("path"));
        assertEquals(5, file.getInt("size"));
        assertEquals("text/plain", file.getString("contentType"));
        assertTrue(file.getString("etag").contains("\""), file.toString());
        Instant modified = Instant.parse(file.getString("modified"));
        assertTrue(modified.isAfter(Instant.now().minusSeconds(120)), modified.toString());

        JsonObject root = call("nc_files_list_directory", JsonValue.EMPTY_JSON_OBJECT).structuredContent().asJsonObject();
        assertEquals("/", root.getString("path"));
        assertTrue(root.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("path").equals("/list")));
    }

    @Test
    void createDirectoryReportsExistingAndMissingParents() throws Exception {
        call("nc_files_create_directory", args("path", "/mk"));
        assertKind(ToolException.Kind.CONFLICT, "already exists", "nc_files_create_directory", args("path", "/mk"));
        assertKind(ToolException.Kind.NOT_FOUND, "does not exist", "nc_files_create_directory",
                args("path", "/no-such-parent/child"));
        JsonObject deep = call("nc_files_create_directory", Json.createObjectBuilder()
                .add("path", "/mk/x/y/z").add("parents", true).build()).structuredContent().asJsonObject();
        assertTrue(deep.getBoolean("created"));
        assertTrue(Files.isDirectory(dav.root().resolve("mk/x/y/z")));
        JsonObject again = call("nc_files_create_directory", Json.createObjectBuilder()
                .add("path", "/mk/x/y/z").add("parents", true).build()).structuredContent().asJsonObject();
        assertFalse(again.getBoolean("created"));
    }

    @Test
    void writesWithEtagsAndCreateOnly() throws Exception {
        call("nc_files_create_directory", args("path", "/w"));
        JsonObject created = call("nc_files_write_file", Json.createObjectBuilder().add("path", "/w/doc.txt")
                .add("content", "version 1").add("createOnly", true).build()).structuredContent().asJsonObject();
        assertTrue(created.getBoolean("created"));
        assertEquals(9, created.getInt("size"));
        assertEquals("version 1", Files.readString(dav.root().resolve("w/doc.txt")));

        Thread.sleep(1100); // Apache gives files changed within the last second a weak ETag
        String strong = read("/w/doc.txt").getString("etag");
        assertFalse(strong.startsWith("W/"), strong);

        JsonObject replaced = call("nc_files_write_file", Json.createObjectBuilder().add("path", "/w/doc.txt")
                .add("content", "version 2").add("etag", strong).build()).structuredContent().asJsonObject();
        assertFalse(replaced.getBoolean("created"));
        assertEquals("version 2", Files.readString(dav.root().resolve("w/doc.txt")));

        ToolException stale = assertKind(ToolException.Kind.CONFLICT, "changed since", "nc_files_write_file",
                Json.createObjectBuilder().add("path", "/w/doc.txt").add("content", "version 3")
                        .add("etag", strong).build());
        assertTrue(stale.details() instanceof JsonObject current && current.getString("path").equals("/w/doc.txt"),
                String.valueOf(stale.details()));
        assertEquals("version 2", Files.readString(dav.root().resolve("w/doc.txt")));

        // a model may drop the quotes of the etag
        Thread.sleep(1100);
        String bare = read("/w/doc.txt").getString("etag").replace("\"", "");
        call("nc_files_write_file", Json.createObjectBuilder().add("path", "/w/doc.txt")
                .add("content", "version 3").add("etag", bare).build());
        assertEquals("version 3", Files.readString(dav.root().resolve("w/doc.txt")));

        assertKind(ToolException.Kind.CONFLICT, "already exists", "nc_files_write_file", Json.createObjectBuilder()
                .add("path", "/w/doc.txt").add("content", "again").add("createOnly", true).build());
        assertKind(ToolException.Kind.NOT_FOUND, "nc_files_create_directory", "nc_files_write_file",
                Json.createObjectBuilder().add("path", "/w/missing/doc.txt").add("content", "x").build());
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "exactly one", "nc_files_write_file",
                Json.createObjectBuilder().add("path", "/w/x.txt").build());
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "base64", "nc_files_write_file",
                Json.createObjectBuilder().add("path", "/w/x.bin").add("base64", "!!not base64!!").build());
    }

    @Test
    void readsTextInlineAndBinaryAsEmbeddedBlob() throws Exception {
        call("nc_files_create_directory", args("path", "/r"));
        write("/r/data.json", "{\"a\": 1}");
        JsonObject json = read("/r/data.json");
        assertEquals("text", json.getString("encoding"));
        assertEquals("{\"a\": 1}", json.getString("text"));
        assertEquals("application/json", json.getString("contentType"));

        Files.writeString(dav.root().resolve("r/notes.unknownext"), "plain words, valid UTF-8 ✓");
        assertEquals("plain words, valid UTF-8 ✓", read("/r/notes.unknownext").getString("text"));

        call("nc_files_write_file", Json.createObjectBuilder().add("path", "/r/pixel.png")
                .add("base64", Base64.getEncoder().encodeToString(PNG)).build());
        assertArrayEquals(PNG, Files.readAllBytes(dav.root().resolve("r/pixel.png")));
        ToolResult result = call("nc_files_read_file", args("path", "/r/pixel.png"));
        JsonObject meta = result.structuredContent().asJsonObject();
        assertEquals("base64", meta.getString("encoding"));
        assertEquals("image/png", meta.getString("contentType"));
        assertEquals(PNG.length, meta.getInt("size"));
        assertEquals("nc-files:///r/pixel.png", meta.getString("resourceUri"));
        Content.EmbeddedResource embedded = result.content().stream()
                .filter(c -> c instanceof Content.EmbeddedResource).map(c -> (Content.EmbeddedResource) c)
                .findFirst().orElseThrow();
        ResourceContents.Blob blob = assertInstanceOf(ResourceContents.Blob.class, embedded.resource());
        assertEquals("image/png", blob.mimeType());
        assertEquals("nc-files:///r/pixel.png", blob.uri());
        assertArrayEquals(PNG, Base64.getDecoder().decode(blob.base64Blob()));

        assertKind(ToolException.Kind.NOT_FOUND, "does not exist", "nc_files_read_file", args("path", "/r/nope.txt"));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "folder", "nc_files_read_file", args("path", "/r"));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "is a file", "nc_files_list_directory",
                args("path", "/r/data.json"));
        assertKind(ToolException.Kind.NOT_FOUND, "does not exist", "nc_files_list_directory", args("path", "/nope"));
    }

    @Test
    void refusesFilesAboveTheSizeLimitBeforeDownloading() throws Exception {
        Files.createDirectories(dav.root().resolve("big"));
        Files.write(dav.root().resolve("big/blob.bin"), new byte[200]);
        Map<String, ToolDefinition> small = toolsOf(plugin(Map.of("read.limit", "100")));
        int before = dav.accessLog().length();
        ToolException e = assertThrows(ToolException.class, () -> small.get("nc_files_read_file").handler()
                .call(TestInvocation.of(args("path", "/big/blob.bin"), client, FilesPlugin.READ)));
        assertEquals(ToolException.Kind.TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("200 bytes") && e.getMessage().contains("100"), e.getMessage());
        assertFalse(dav.accessLog().substring(before).contains("\"GET "), "the file was not downloaded");
    }

    @Test
    void movesAndCopiesWithAndWithoutOverwrite() throws Exception {
        call("nc_files_create_directory", args("path", "/mv"));
        write("/mv/a.txt", "A");
        write("/mv/b.txt", "B");

        JsonObject copied = call("nc_files_copy", transfer("/mv/a.txt", "/mv/a-copy.txt", false))
                .structuredContent().asJsonObject();
        assertFalse(copied.getBoolean("overwritten"));
        assertEquals("A", Files.readString(dav.root().resolve("mv/a-copy.txt")));

        assertKind(ToolException.Kind.CONFLICT, "already exists", "nc_files_copy", transfer("/mv/a.txt", "/mv/b.txt", false));
        assertEquals("B", Files.readString(dav.root().resolve("mv/b.txt")));
        assertTrue(call("nc_files_copy", transfer("/mv/a.txt", "/mv/b.txt", true)).structuredContent()
                .asJsonObject().getBoolean("overwritten"));
        assertEquals("A", Files.readString(dav.root().resolve("mv/b.txt")));

        call("nc_files_move", transfer("/mv/a-copy.txt", "/mv/renamed.txt", false));
        assertFalse(Files.exists(dav.root().resolve("mv/a-copy.txt")));
        assertEquals("A", Files.readString(dav.root().resolve("mv/renamed.txt")));
        write("/mv/c.txt", "C");
        assertKind(ToolException.Kind.CONFLICT, "overwrite", "nc_files_move", transfer("/mv/c.txt", "/mv/renamed.txt", false));
        call("nc_files_move", transfer("/mv/c.txt", "/mv/renamed.txt", true));
        assertEquals("C", Files.readString(dav.root().resolve("mv/renamed.txt")));

        assertKind(ToolException.Kind.NOT_FOUND, "/mv/nope.txt", "nc_files_move", transfer("/mv/nope.txt", "/mv/x.txt", false));
        assertKind(ToolException.Kind.NOT_FOUND, "does not exist", "nc_files_copy", transfer("/mv/b.txt", "/no/dir/b.txt", false));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "same", "nc_files_move", transfer("/mv/b.txt", "mv//b.txt", false));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "into itself", "nc_files_move", transfer("/mv", "/mv/sub", false));

        // folders are copied with their contents
        call("nc_files_copy", transfer("/mv", "/mv-copy", false));
        assertEquals("C", Files.readString(dav.root().resolve("mv-copy/renamed.txt")));
    }

    @Test
    void deletesFilesAndFolders() throws Exception {
        call("nc_files_create_directory", args("path", "/del"));
        write("/del/x.txt", "x");
        assertTrue(call("nc_files_delete", args("path", "/del/x.txt")).structuredContent().asJsonObject()
                .getBoolean("deleted"));
        assertFalse(Files.exists(dav.root().resolve("del/x.txt")));
        assertKind(ToolException.Kind.NOT_FOUND, "already", "nc_files_delete", args("path", "/del/x.txt"));
        write("/del/y.txt", "y");
        call("nc_files_delete", args("path", "/del"));
        assertFalse(Files.exists(dav.root().resolve("del")));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "root", "nc_files_delete", args("path", "/"));
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "root", "nc_files_delete", args("path", "a/.."));
    }

    /** Apache writes an access-log line after the response is sent: wait until earlier lines are in. */
    private int settledAccessLogLength() throws Exception {
        int length = dav.accessLog().length();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            int now = dav.accessLog().length();
            if (now == length && length > 0) {
                return now;
            }
            length = now;
        }
        return length;
    }

    @Test
    void pathsEscapingTheRootAreRejectedBeforeAnyRequest() throws Exception {
        client.filesRoot(); // the principal lookup may be cached already; make sure it is
        int before = settledAccessLogLength();
        for (String escape : List.of("../../etc/passwd", "/..", "/a/../../b", "..\\..", "/x/../../alice/y")) {
            if (escape.contains("\\")) {
                continue; // a backslash is a legal name character, not a separator
            }
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_read_file", args("path", escape));
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_list_directory", args("path", escape));
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_write_file",
                    Json.createObjectBuilder().add("path", escape).add("content", "x").build());
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_delete", args("path", escape));
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_move", transfer("/a", escape, false));
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_copy", transfer(escape, "/a", false));
            assertKind(ToolException.Kind.INVALID_ARGUMENT, "outside", "nc_files_search",
                    Json.createObjectBuilder().add("name", "x").add("path", escape).build());
        }
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "control", "nc_files_read_file", args("path", "/a\u0000b"));
        settledAccessLogLength();
        assertEquals("", dav.accessLog().substring(before), "no request reached the server");
    }

    @Test
    void namesWithSpacesUnicodeAndSpecialCharactersRoundTrip() throws Exception {
        String folder = "/Spe cial #1 ?&%";
        String file = folder + "/Ünïcödé 日本 +%20.txt";
        call("nc_files_create_directory", args("path", folder));
        write(file, "special");
        assertEquals("special", Files.readString(dav.root().resolve("Spe cial #1 ?&%/Ünïcödé 日本 +%20.txt")));
        JsonObject listing = call("nc_files_list_directory", args("path", folder)).structuredContent().asJsonObject();
        JsonObject entry = listing.getJsonArray("entries").getJsonObject(0);
        assertEquals("Ünïcödé 日本 +%20.txt", entry.getString("name"));
        assertEquals(file, entry.getString("path"));
        assertEquals("special", read(entry.getString("path")).getString("text"));
        call("nc_files_copy", transfer(file, folder + "/copy #2.txt", false));
        assertEquals("special", Files.readString(dav.root().resolve("Spe cial #1 ?&%/copy #2.txt")));
        call("nc_files_move", transfer(folder, "/Ångström dir", false));
        assertTrue(Files.isRegularFile(dav.root().resolve("Ångström dir/copy #2.txt")));
        List<String> names = call("nc_files_list_directory", args("path", "/Ångström dir")).structuredContent()
                .asJsonObject().getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("path")).toList();
        assertEquals(List.of("/Ångström dir/copy #2.txt", "/Ångström dir/Ünïcödé 日本 +%20.txt"), names);
    }

    @Test
    void searchAndFavoritesSayTheServerDoesNotSupportThem() {
        assertKind(ToolException.Kind.UPSTREAM_ERROR, "not supported by this WebDAV server", "nc_files_search",
                args("name", "hello"));
        assertKind(ToolException.Kind.UPSTREAM_ERROR, "not supported by this WebDAV server", "nc_files_list_favorites",
                JsonValue.EMPTY_JSON_OBJECT);
        assertKind(ToolException.Kind.INVALID_ARGUMENT, "name", "nc_files_search", JsonValue.EMPTY_JSON_OBJECT);
    }

    // ------------------------------------------------------------------ helpers

    /** The plugin as the server starts it: configured, then initialised. */
    static FilesPlugin plugin(Map<String, String> settings) {
        FilesPlugin plugin = new FilesPlugin();
        plugin.init(PluginContext.of(PluginConfig.of("files", plugin.configuration(), settings)));
        return plugin;
    }

    static Map<String, ToolDefinition> toolsOf(FilesPlugin plugin) {
        return plugin.tools().stream().collect(Collectors.toMap(ToolDefinition::name, t -> t));
    }

    static JsonObject args(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build();
    }

    static JsonObject transfer(String source, String destination, boolean overwrite) {
        return Json.createObjectBuilder().add("source", source).add("destination", destination)
                .add("overwrite", overwrite).build();
    }

    private static void write(String path, String content) throws ToolException {
        call("nc_files_write_file", Json.createObjectBuilder().add("path", path).add("content", content).build());
    }

    private static JsonObject read(String path) throws ToolException {
        return call("nc_files_read_file", args("path", path)).structuredContent().asJsonObject();
    }

    /** Calls a tool with both scopes, checking the arguments and the structured result against the schemas. */
    static ToolResult call(String name, JsonObject arguments) throws ToolException {
        ToolDefinition tool = tools.get(name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.inputSchema(), arguments, "arguments"), name);
        ToolResult result = tool.handler().call(TestInvocation.of(arguments, client, FilesPlugin.READ, FilesPlugin.WRITE));
        assertFalse(result.isError(), name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(),
                "structuredContent"), name + " output");
        assertFalse(result.content().isEmpty(), name);
        String text = result.content().stream().filter(c -> c instanceof Content.Text)
                .map(c -> ((Content.Text) c).text()).collect(Collectors.joining());
        assertFalse(text.contains(ApacheDav.PASSWORD), "no credentials in results");
        return result;
    }

    static ToolException assertKind(ToolException.Kind kind, String messagePart, String name, JsonObject arguments) {
        ToolException e = assertThrows(ToolException.class, () -> call(name, arguments), name + " " + arguments);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), "'" + messagePart + "' not in: " + e.getMessage());
        assertFalse(e.getMessage().contains(ApacheDav.PASSWORD), "no credentials in messages");
        return e;
    }

    static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
