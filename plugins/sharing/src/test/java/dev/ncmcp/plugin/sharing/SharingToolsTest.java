package dev.ncmcp.plugin.sharing;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static dev.ncmcp.plugin.sharing.SharingHarness.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sharing tools against the simulator as Nextcloud 31 and 29, through the server's real HTTP client. */
class SharingToolsTest {

    private static final String SECRET = "Correct-Horse-Battery-9";

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void aUserShareIsListedReadAndReceived(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            JsonObject share = nc.call("nc_sharing_create_share", args("path", "/Documents/report.txt", "type", "user",
                    "shareWith", "alice", "permissions", new String[] {"read", "update"}, "note", "please review"));
            assertEquals("user", share.getString("type"));
            assertEquals("alice", share.getString("sharedWith"));
            assertEquals("Alice Liddell", share.getString("sharedWithName"));
            assertEquals(List.of("read", "update"), strings(share, "permissions"));
            assertEquals("/Documents/report.txt", share.getString("path"));
            assertEquals("file", share.getString("itemType"));
            assertEquals("please review", share.getString("note"));
            assertTrue(share.getBoolean("canEdit"));
            assertFalse(share.containsKey("url"));

            String id = share.getString("id");
            assertEquals(share, nc.call("nc_sharing_get_share", args("id", id)));
            JsonObject mine = nc.call("nc_sharing_list_shares", args());
            assertEquals(1, mine.getInt("total"));
            assertEquals(id, mine.getJsonArray("shares").getJsonObject(0).getString("id"));

            JsonObject received = nc.call(nc.alice, "nc_sharing_list_shares", args("sharedWithMe", true));
            JsonObject incoming = received.getJsonArray("shares").getJsonObject(0);
            assertEquals("/report.txt", incoming.getString("path"), "where it appears in alice's files");
            assertEquals("bob", incoming.getString("owner"));
            assertFalse(incoming.getBoolean("canEdit"));
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void aPublicLinkGivesAWorkingUrlAndNeverItsPassword(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            String tomorrow = LocalDate.now().plusDays(1).toString();
            JsonObject open = nc.call("nc_sharing_create_share", args("path", "Documents/report.txt", "type", "link",
                    "label", "for customers", "expires", tomorrow));
            assertEquals(List.of("read", "share"), strings(open, "permissions"), "Nextcloud adds the share bit");
            assertTrue(open.getString("url").startsWith(nc.simulator.baseUrl() + "/index.php/s/"));
            assertEquals(open.getString("url") + "/download", open.getString("downloadUrl"));
            assertEquals(tomorrow, open.getString("expires"));
            assertEquals("for customers", open.getString("label"));
            assertFalse(open.getBoolean("passwordProtected"));
            assertFalse(open.containsKey("sharedWith"));

            HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.getString("downloadUrl"))).build(), HttpResponse.BodyHandlers.ofString());
            if (version == NextcloudVersion.NC31) {
                assertEquals(303, download.statusCode(), "Nextcloud 31 sends the download to its public WebDAV");
            } else {
                assertEquals("quarterly numbers", download.body());
            }

            JsonObject locked = nc.call("nc_sharing_create_share", args("path", "/Documents", "type", "link",
                    "password", SECRET));
            assertTrue(locked.getBoolean("passwordProtected"));
            assertFalse(locked.containsKey("downloadUrl"), "a folder link has no direct download");
            JsonObject listed = nc.call("nc_sharing_list_shares", args("path", "/Documents"));
            for (JsonObject result : List.of(locked, listed)) {
                assertFalse(result.toString().contains(SECRET), "the password is never returned");
                assertFalse(result.toString().contains("argon2"), "nor its hash");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void updatesChangeOnlyWhatIsGivenAndRepeatToTheSameState(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            String id = nc.call("nc_sharing_create_share", args("path", "/Documents", "type", "link"))
                    .getString("id");
            String later = LocalDate.now().plusDays(30).toString();
            JsonObject change = args("id", id, "expires", later, "password", SECRET, "label", "board",
                    "permissions", new String[] {"read", "create", "update", "delete"}, "hideDownload", true);
            JsonObject once = nc.call("nc_sharing_update_share", change);
            assertEquals(once, nc.call("nc_sharing_update_share", change), "idempotent");
            assertEquals(later, once.getString("expires"));
            assertTrue(once.getBoolean("passwordProtected"));
            assertTrue(once.getBoolean("hideDownload"));
            assertEquals(List.of("read", "update", "create", "delete", "share"), strings(once, "permissions"));

            JsonObject cleared = nc.call("nc_sharing_update_share", args("id", id, "removeExpiry", true,
                    "removePassword", true));
            assertFalse(cleared.containsKey("expires"));
            assertFalse(cleared.getBoolean("passwordProtected"));
            assertEquals("board", cleared.getString("label"), "untouched");
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void groupSharesReachMembersAndSubfilesListWhatIsInsideAFolder(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            nc.file("/Documents/notes.txt", "n");
            nc.call("nc_sharing_create_share", args("path", "/Documents/notes.txt", "type", "group", "shareWith", "team"));
            nc.call("nc_sharing_create_share", args("path", "/Documents/report.txt", "type", "link"));
            nc.call("nc_sharing_create_share", args("path", "/Documents", "type", "email", "shareWith", "x@example.org"));
            JsonObject inside = nc.call("nc_sharing_list_shares", args("path", "/Documents", "subfiles", true));
            assertEquals(2, inside.getInt("total"));
            assertEquals(List.of("group", "link"), inside.getJsonArray("shares").getValuesAs(JsonObject.class).stream()
                    .map(share -> share.getString("type")).toList(), "Nextcloud lists by type");
            assertEquals(1, nc.call(nc.alice, "nc_sharing_list_shares", args("sharedWithMe", true)).getInt("total"));
            assertEquals("email", nc.call("nc_sharing_list_shares", args("path", "/", "subfiles", true))
                    .getJsonArray("shares").getJsonObject(0).getString("type"), "the share of /Documents itself");
            assertEquals(3, nc.call("nc_sharing_list_shares", args("path", "/")).getInt("total"), "'/' is all");

            JsonObject first = nc.call("nc_sharing_list_shares", args("limit", 2));
            assertEquals(3, first.getInt("total"));
            JsonObject rest = nc.call("nc_sharing_list_shares", args("limit", 2, "cursor", first.getString("nextCursor")));
            assertEquals(1, rest.getJsonArray("shares").size());
            assertFalse(rest.containsKey("nextCursor"));
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void deletingEndsTheShareAndLeavingEndsItForTheRecipient(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            String id = nc.call("nc_sharing_create_share", args("path", "/Documents/report.txt", "type", "user",
                    "shareWith", "alice")).getString("id");
            assertEquals(id, nc.call(nc.alice, "nc_sharing_delete_share", args("id", id)).getString("id"));
            assertEquals(0, nc.call("nc_sharing_list_shares", args()).getInt("total"));
            ToolException gone = nc.failure("nc_sharing_get_share", args("id", id));
            assertEquals(Kind.NOT_FOUND, gone.kind());
            assertTrue(gone.getMessage().contains("nc_sharing_list_shares"), gone.getMessage());
            assertEquals(Kind.NOT_FOUND, nc.failure("nc_sharing_delete_share", args("id", id)).kind());
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void nextcloudsRefusalsSayWhatToDoNext(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            ToolException missing = nc.failure("nc_sharing_create_share", args("path", "/nope.txt", "type", "link"));
            assertEquals(Kind.NOT_FOUND, missing.kind());
            assertTrue(missing.getMessage().contains("/nope.txt") && missing.getMessage().contains("nc_files_list_directory"));

            ToolException nobody = nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "user",
                    "shareWith", "nobody-here"));
            assertEquals(Kind.NOT_FOUND, nobody.kind());
            assertTrue(nobody.getMessage().contains("Please specify a valid account to share with")
                    && nobody.getMessage().contains("nc_sharing_find_sharees"), nobody.getMessage());

            ToolException self = nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "user",
                    "shareWith", "bob"));
            assertEquals(Kind.PERMISSION_DENIED, self.kind());
            assertTrue(self.getMessage().contains("Failed to create share."), self.getMessage());

            ToolException past = nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "link",
                    "password", SECRET, "expires", LocalDate.now().toString()));
            assertEquals(Kind.INVALID_ARGUMENT, past.kind());
            assertTrue(past.getMessage().contains("'expires'"), past.getMessage());
            assertFalse(past.getMessage().contains(SECRET));

            ToolException upload = nc.failure("nc_sharing_create_share", args("path", "/Documents/report.txt",
                    "type", "link", "permissions", new String[] {"read", "create"}));
            assertEquals(Kind.INVALID_ARGUMENT, upload.kind());
            assertTrue(upload.getMessage().contains("Public upload is only possible for publicly shared folders"));

            String id = nc.call("nc_sharing_create_share", args("path", "/Documents", "type", "user",
                    "shareWith", "alice")).getString("id");
            ToolException incoming = nc.failure(nc.alice, "nc_sharing_update_share", args("id", id, "note", "mine"));
            assertEquals(Kind.PERMISSION_DENIED, incoming.kind());
            assertTrue(incoming.getMessage().contains("You are not allowed to edit incoming shares"));
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void argumentMistakesNameTheArgumentBeforeAnyRequest(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            nc.simulator.clearRequests();
            assertTrue(nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "link",
                    "shareWith", "alice")).getMessage().contains("'shareWith'"));
            assertTrue(nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "group"))
                    .getMessage().contains("'shareWith'"));
            assertTrue(nc.failure("nc_sharing_create_share", args("path", "/Documents", "type", "user",
                    "shareWith", "alice", "password", "x")).getMessage().contains("'password'"));
            assertTrue(nc.failure("nc_sharing_create_share", args("path", "../../etc", "type", "link"))
                    .getMessage().contains("'path'"));
            assertTrue(nc.failure("nc_sharing_create_share", args("path", "/", "type", "link"))
                    .getMessage().contains("root folder"));
            assertTrue(nc.failure("nc_sharing_update_share", args("id", "4")).getMessage().contains("Nothing to change"));
            assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_sharing_get_share", args("id", "4; DROP")).kind());
            assertEquals(List.of(), nc.simulator.requests(), "no request reached Nextcloud");
        }
    }

    @ParameterizedTest
    @EnumSource(NextcloudVersion.class)
    void shareesComeWithTheValuesToShareWith(NextcloudVersion version) throws Exception {
        try (SharingHarness nc = harness(version)) {
            JsonObject found = nc.call("nc_sharing_find_sharees", args("search", "ali"));
            JsonObject alice = found.getJsonArray("sharees").getJsonObject(0);
            assertEquals("user", alice.getString("type"));
            assertEquals("alice", alice.getString("shareWith"));
            assertEquals("Alice Liddell", alice.getString("label"));
            JsonObject team = nc.call("nc_sharing_find_sharees", args("search", "team")).getJsonArray("sharees")
                    .getJsonObject(0);
            assertEquals("group", team.getString("type"));
            assertTrue(team.getBoolean("exact"));
            JsonObject address = nc.call("nc_sharing_find_sharees", args("search", "x@example.org"))
                    .getJsonArray("sharees").getJsonObject(0);
            assertEquals("email", address.getString("type"));
        }
    }

    private static SharingHarness harness(NextcloudVersion version) throws ToolException {
        SharingHarness nc = new SharingHarness(version);
        nc.file("/Documents/report.txt", "quarterly numbers");
        return nc;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
