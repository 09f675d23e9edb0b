package dev.ncmcp.plugin.notes;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ncmcp.plugin.notes.NotesHarness.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Notes tools against the Nextcloud simulator (NC31, notes 5.0.2) through the real HTTP client. */
class NotesToolsTest {

    private static NotesHarness nc;

    @BeforeAll
    static void start() {
        nc = new NotesHarness(NextcloudVersion.NC31);
    }

    @AfterAll
    static void stop() {
        nc.close();
    }

    @Test
    void noteLifecycleFromCreateToDeleteGuardsEveryWriteWithTheEtag() throws ToolException {
        JsonObject created = nc.createNote("Lifecycle", "first line", "Life");
        long id = created.getJsonNumber("id").longValue();
        assertEquals("Lifecycle", created.getString("title"));
        assertEquals("Life", created.getString("category"));

        JsonObject read = nc.structured("nc_notes_get_note", args("id", id));
        assertEquals("first line", read.getString("content"));
        String etag = read.getString("etag");
        assertTrue(read.getString("modified").endsWith("Z"), "ISO-8601 UTC: " + read.getString("modified"));

        JsonObject updated = nc.structured("nc_notes_update_note", args("id", id, "content", "second version", "etag", etag));
        assertEquals("second version", updated.getString("content"));
        assertNotEquals(etag, updated.getString("etag"));

        ToolException stale = nc.failure("nc_notes_update_note", args("id", id, "content", "lost edit", "etag", etag));
        assertEquals(Kind.CONFLICT, stale.kind());
        assertTrue(stale.getMessage().contains("changed since it was read"), stale.getMessage());
        assertTrue(stale.getMessage().contains("re-read"), stale.getMessage());
        JsonObject current = stale.details().asJsonObject();
        assertEquals(List.of(), dev.ncmcp.server.mcp.schema.JsonSchemaValidator.validate(
                nc.tool("nc_notes_get_note").outputSchema(), current, "details"), "conflict details are a full note");
        assertEquals("second version", current.getString("content"));
        assertEquals(updated.getString("etag"), current.getString("etag"));
        assertEquals("second version", nc.structured("nc_notes_get_note", args("id", id)).getString("content"),
                "a stale etag never overwrites");

        JsonObject appended = nc.structured("nc_notes_append_to_note", args("id", id, "text", "- appended"));
        assertEquals("second version\n- appended", appended.getString("content"));
        assertEquals(1, appended.getInt("attempts"));

        JsonObject deleted = nc.structured("nc_notes_delete_note", args("id", id));
        assertTrue(deleted.getBoolean("deleted"));
        ToolException gone = nc.failure("nc_notes_get_note", args("id", id));
        assertEquals(Kind.NOT_FOUND, gone.kind());
        assertTrue(gone.getMessage().contains(String.valueOf(id)), gone.getMessage());
    }

    @Test
    void updateWithoutEtagChangesOnlyTheGivenFields() throws ToolException {
        long id = nc.createNote("Partial", "keep me", "").getJsonNumber("id").longValue();
        JsonObject updated = nc.structured("nc_notes_update_note", args("id", id, "favorite", true));
        assertTrue(updated.getBoolean("favorite"));
        assertEquals("keep me", updated.getString("content"));
        assertEquals("Partial", updated.getString("title"));
    }

    @Test
    void updateWithNothingToChangeIsAnInvalidArgument() throws ToolException {
        long id = nc.createNote("Nothing", "x", "").getJsonNumber("id").longValue();
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_notes_update_note", args("id", id)).kind());
    }

    @Test
    void searchRanksTheTitleMatchFirstAndShowsASnippet() throws ToolException {
        nc.createNote("Misc thoughts", "remember that the zebra budget is due on Friday", "");
        nc.createNote("Zebra budget", "numbers", "");
        nc.createNote("Unrelated", "nothing to see", "");
        JsonObject found = nc.structured("nc_notes_search_notes", args("query", "zebra budget"));
        List<JsonObject> results = found.getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(2, results.size());
        assertEquals("Zebra budget", results.get(0).getString("title"));
        assertEquals("Misc thoughts", results.get(1).getString("title"));
        assertTrue(results.get(0).getJsonNumber("score").doubleValue() > results.get(1).getJsonNumber("score").doubleValue());
        assertTrue(results.get(1).getString("snippet").contains("zebra budget is due"), results.get(1).toString());
    }

    @Test
    void argumentsTheModelCanFixAreInvalidArguments() {
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_notes_search_notes", args("query", " ,; ")).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_notes_list_notes", args("limit", 0)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_notes_create_note", args("title", "a/b")).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_notes_get_note", args("id", -3)).kind());
    }

    @Test
    void listFiltersByCategoryAndLeavesOutContent() throws ToolException {
        nc.createNote("Plan A", "secret content", "Work/Projects");
        nc.createNote("Plan B", "more", "Work/Projects");
        nc.createNote("Plan C", "elsewhere", "Home");
        JsonObject listed = nc.structured("nc_notes_list_notes", args("category", "Work/Projects"));
        List<JsonObject> notes = listed.getJsonArray("notes").getValuesAs(JsonObject.class);
        assertEquals(List.of("Plan B", "Plan A").stream().sorted().toList(),
                notes.stream().map(n -> n.getString("title")).sorted().toList());
        notes.forEach(n -> assertEquals("Work/Projects", n.getString("category")));
        notes.forEach(n -> assertFalse(n.containsKey("content")));
        assertEquals(2, listed.getInt("total"));

        JsonObject limited = nc.structured("nc_notes_list_notes", args("category", "Work/Projects", "limit", 1));
        assertEquals(1, limited.getJsonArray("notes").size());
        assertTrue(limited.getBoolean("truncated"));
    }

    @Test
    void appendRetriesWhenTheNoteChangesConcurrentlySoNoEditIsLost() throws ToolException {
        long id = nc.createNote("Journal", "day 1", "").getJsonNumber("id").longValue();
        AtomicInteger interruptions = new AtomicInteger(1);
        NextcloudClient racing = new RacingClient(nc.client, id, interruptions);
        ToolResult result = nc.call(racing, "nc_notes_append_to_note", args("id", id, "text", "day 2"));
        JsonObject saved = result.structuredContent().asJsonObject();
        assertEquals(2, saved.getInt("attempts"));
        assertEquals("day 1\nconcurrent edit 1\nday 2", saved.getString("content"));
    }

    @Test
    void appendRetriesWhenTheNoteIsLockedByAnOverlappingWrite() throws ToolException {
        long id = nc.createNote("Locked journal", "day 1", "").getJsonNumber("id").longValue();
        NextcloudClient locking = new LockingClient(nc.client, new AtomicInteger(2));
        ToolResult result = nc.call(locking, "nc_notes_append_to_note", args("id", id, "text", "day 2"));
        JsonObject saved = result.structuredContent().asJsonObject();
        assertEquals(3, saved.getInt("attempts"));
        assertEquals("day 1\nday 2", saved.getString("content"));
    }

    @Test
    void anUpdateOfALockedNoteIsALockedErrorToRetryAndSavesNothing() throws ToolException {
        long id = nc.createNote("Busy note", "before", "").getJsonNumber("id").longValue();
        ToolException e = nc.failure(new LockingClient(nc.client, new AtomicInteger(1)), "nc_notes_update_note",
                args("id", id, "content", "after"));
        assertEquals(Kind.LOCKED, e.kind());
        assertTrue(e.getMessage().contains("423") && e.getMessage().contains("retry"), e.getMessage());
        assertEquals("before", nc.structured("nc_notes_get_note", args("id", id)).getString("content"));
    }

    @Test
    void appendGivesUpAfterABoundedNumberOfConflicts() throws ToolException {
        long id = nc.createNote("Busy", "start", "").getJsonNumber("id").longValue();
        NextcloudClient racing = new RacingClient(nc.client, id, new AtomicInteger(Integer.MAX_VALUE));
        ToolException e = nc.failure(racing, "nc_notes_append_to_note", args("id", id, "text", "never"));
        assertEquals(Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("Gave up") && e.getMessage().contains(String.valueOf(NotesTools.MAX_APPEND_ATTEMPTS)),
                e.getMessage());
        assertFalse(nc.structured("nc_notes_get_note", args("id", id)).getString("content").contains("never"));
    }

    @Test
    void attachmentsComeBackAsImageTextOrBlob() throws ToolException {
        JsonObject note = nc.createNote("Trip", "![map](.attachments.1/map.png)", "Travel");
        long id = note.getJsonNumber("id").longValue();
        String folder = nc.client.filesRoot() + "Notes/Travel/.attachments.1";
        send(NextcloudRequest.builder("MKCOL", folder).build());
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        byte[] blob = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3};
        send(NextcloudRequest.put(folder + "/map.png").body(png, "image/png").build());
        send(NextcloudRequest.put(folder + "/notes%20v2.txt").body("hello ✓".getBytes(StandardCharsets.UTF_8), "text/plain").build());
        send(NextcloudRequest.put(folder + "/data.bin").body(blob, "application/octet-stream").build());

        ToolResult image = nc.call("nc_notes_get_attachment", args("id", id, "path", ".attachments.1/map.png"));
        Content.Image picture = assertInstanceOf(Content.Image.class, image.content().getFirst());
        assertEquals("image/png", picture.mimeType());
        assertArrayEquals(png, Base64.getDecoder().decode(picture.base64Data()));
        assertEquals("image", image.structuredContent().asJsonObject().getString("kind"));

        ToolResult text = nc.call("nc_notes_get_attachment", args("id", id, "path", ".attachments.1/notes%20v2.txt"));
        assertEquals("hello ✓", assertInstanceOf(Content.Text.class, text.content().getFirst()).text());

        ToolResult binary = nc.call("nc_notes_get_attachment", args("id", id, "path", ".attachments.1/data.bin"));
        Content.EmbeddedResource embedded = assertInstanceOf(Content.EmbeddedResource.class, binary.content().getFirst());
        ResourceContents.Blob contents = assertInstanceOf(ResourceContents.Blob.class, embedded.resource());
        assertArrayEquals(blob, Base64.getDecoder().decode(contents.base64Blob()));
        assertEquals(blob.length, binary.structuredContent().asJsonObject().getInt("size"));
    }

    @Test
    void attachmentPathsCannotEscapeTheNoteFolderAndMissingFilesAreNotFound() throws ToolException {
        long id = nc.createNote("Escape", "x", "Sub").getJsonNumber("id").longValue();
        assertEquals(Kind.INVALID_ARGUMENT,
                nc.failure("nc_notes_get_attachment", args("id", id, "path", "../Escape.md")).kind());
        assertEquals(Kind.INVALID_ARGUMENT,
                nc.failure("nc_notes_get_attachment", args("id", id, "path", ".attachments.1/%2e%2e/%2e%2e/x")).kind());
        assertEquals(Kind.NOT_FOUND,
                nc.failure("nc_notes_get_attachment", args("id", id, "path", ".attachments.9/none.png")).kind());
    }

    @Test
    void attachmentsOverTheSizeLimitAreTooLarge() throws ToolException {
        long id = nc.createNote("Big", "![x](big.bin)", "").getJsonNumber("id").longValue();
        send(NextcloudRequest.put(nc.client.filesRoot() + "Notes/big.bin")
                .body(new byte[(int) NotesTools.MAX_ATTACHMENT_BYTES + 1], "application/octet-stream").build());
        nc.simulator.clearRequests();
        ToolException e = nc.failure("nc_notes_get_attachment", args("id", id, "path", "big.bin"));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(nc.simulator.requests().stream().noneMatch(r -> r.method().equals("GET") && r.path().endsWith("big.bin")),
                "the size is checked before downloading: " + nc.simulator.requests());
    }

    @Test
    void unknownNoteIsNotFoundNamingTheId() {
        ToolException e = nc.failure("nc_notes_get_note", args("id", 987654));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("987654"), e.getMessage());
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_notes_delete_note", args("id", 987654)).kind());
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_notes_update_note", args("id", 987654, "content", "x")).kind());
    }

    @Test
    void disabledNotesAppIsPermissionDeniedWithAnExplanation() {
        NextcloudClient carol = nc.clients.appPassword("carol", "carol-app-password");
        ToolException e = nc.failure(carol, "nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(Kind.PERMISSION_DENIED, e.kind());
        assertTrue(e.getMessage().contains("not enabled"), e.getMessage());
        assertFalse(e.getMessage().contains("carol-app-password"));
    }

    @Test
    void transient503IsRetriedByTheClient() throws ToolException {
        nc.createNote("Survivor", "x", "Retry");
        nc.simulator.failNext(1, 503, 1);
        JsonObject listed = nc.structured("nc_notes_list_notes", args("category", "Retry"));
        assertEquals(1, listed.getInt("total"));
    }

    @Test
    void maintenanceModeIsUnavailableNamingNextcloud() {
        nc.simulator.maintenance(true);
        try {
            ToolException e = nc.failure("nc_notes_list_notes", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("Nextcloud"), e.getMessage());
        } finally {
            nc.simulator.maintenance(false);
        }
    }

    @Test
    void resourcesServeTheNoteMarkdownAndTheSettings() throws ToolException {
        long id = nc.createNote("Resource", "# Heading\n\nbody", "").getJsonNumber("id").longValue();
        String uri = "nc-notes://note/" + id;
        ResourceContents note = nc.readResource(uri, Map.of("id", String.valueOf(id))).getFirst();
        assertEquals("# Heading\n\nbody", assertInstanceOf(ResourceContents.Text.class, note).text());
        assertEquals("text/markdown", note.mimeType());

        ResourceContents settings = nc.readResource("nc-notes://settings", Map.of()).getFirst();
        JsonObject json = Json.createReader(new java.io.StringReader(((ResourceContents.Text) settings).text())).readObject();
        assertEquals("Notes", json.getString("notesPath"));

        assertEquals(Kind.INVALID_ARGUMENT, org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                () -> nc.readResource("nc-notes://note/abc", Map.of("id", "abc"))).kind());
    }

    private static void send(NextcloudRequest request) throws NextcloudException {
        NextcloudResponse response = nc.client.send(request);
        assertTrue(response.isSuccess(), request + " -> " + response);
    }

    /** Answers the first {@code locked} note writes as Notes does while another write holds the note's lock. */
    private record LockingClient(NextcloudClient delegate, AtomicInteger locked) implements NextcloudClient {
        @Override
        public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
            if (request.method().equals("PUT") && locked.getAndDecrement() > 0) {
                return new NextcloudResponse(423, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                        "{\"errorType\":\"OCP\\\\Lock\\\\LockedException\"}".getBytes(StandardCharsets.UTF_8));
            }
            return delegate.send(request);
        }

        @Override
        public String baseUrl() {
            return delegate.baseUrl();
        }

        @Override
        public String loginName() {
            return delegate.loginName();
        }

        @Override
        public String filesRoot() throws NextcloudException {
            return delegate.filesRoot();
        }
    }

    /**
     * Lets another writer change the note right before each of the first {@code interruptions} PUTs,
     * as a second client editing the same note would.
     */
    private record RacingClient(NextcloudClient delegate, long id, AtomicInteger interruptions) implements NextcloudClient {
        private static final AtomicInteger EDITS = new AtomicInteger();

        @Override
        public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
            if (request.method().equals("PUT") && request.header("If-Match") != null && interruptions.getAndDecrement() > 0) {
                NextcloudResponse current = delegate.send(NextcloudRequest.get(NotesApi.BASE + "/notes/" + id).build());
                String content = current.json().asJsonObject().getString("content");
                int edit = interruptions.get() == Integer.MAX_VALUE - 1 ? EDITS.incrementAndGet() : 1;
                delegate.send(NextcloudRequest.put(NotesApi.BASE + "/notes/" + id)
                        .json(Json.createObjectBuilder().add("content", content + "\nconcurrent edit " + edit).build()).build());
            }
            return delegate.send(request);
        }

        @Override
        public String baseUrl() {
            return delegate.baseUrl();
        }

        @Override
        public String loginName() {
            return delegate.loginName();
        }

        @Override
        public String filesRoot() throws NextcloudException {
            return delegate.filesRoot();
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
            return delegate.ocs(method, path, body);
        }
    }
}
