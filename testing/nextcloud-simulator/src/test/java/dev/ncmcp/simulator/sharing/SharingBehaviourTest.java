package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the sharing captures do not show: groups, link rules, recipients, expiry and passwords of public links. */
class SharingBehaviourTest {
    private static final String SHARES = "/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json";
    private static final String[] OCS = {"OCS-APIREQUEST", "true", "Content-Type", "application/json"};
    private NextcloudSimulator sim;
    private SimHttp bob;
    private SimHttp carol;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").user("carol", "pw").group("team", "bob", "carol")
                .build().start();
        bob = new SimHttp(sim, "bob", "pw");
        carol = new SimHttp(sim, "carol", "pw");
        bob.send("PUT", "/remote.php/dav/files/bob/a.txt", "hello");
        bob.send("MKCOL", "/remote.php/dav/files/bob/Folder", null);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void aGroupShareReachesItsMembersUntilTheyLeaveIt() {
        String id = create("{\"path\":\"/a.txt\",\"shareType\":1,\"shareWith\":\"team\"}").getString("id");
        JsonArray received = data(carol.send("GET", SHARES + "&shared_with_me=true", null, OCS)).asJsonArray();
        assertEquals(1, received.size());
        assertFalse(received.getJsonObject(0).getBoolean("can_edit"), "a recipient does not edit the share");
        assertEquals(200, carol.send("DELETE", path(id), null, OCS).statusCode());
        assertEquals(0, data(carol.send("GET", SHARES + "&shared_with_me=true", null, OCS)).asJsonArray().size());
        assertEquals(1, data(bob.send("GET", SHARES, null, OCS)).asJsonArray().size(), "the owner keeps it");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        HttpResponse<String> refused = bob.send("POST", SHARES, "{\"path\":\"/a.txt\",\"shareType\":1,\"shareWith\":\"x\"}", OCS);
        assertEquals(404, refused.statusCode());
        assertEquals("Please specify a valid group", message(refused));
    }

    @Test
    void aFileLinkCannotTakeUploadsButAFolderLinkCan() {
        HttpResponse<String> refused = bob.send("POST", SHARES, "{\"path\":\"/a.txt\",\"shareType\":3,\"publicUpload\":true}", OCS);
        assertEquals(400, refused.statusCode());
        assertEquals("Public upload is only possible for publicly shared folders", message(refused));
        JsonObject upload = create("{\"path\":\"/Folder\",\"shareType\":3,\"publicUpload\":true}");
        assertEquals(31, upload.getInt("permissions"), "read, create, update, delete and the share bit");
    }

    @Test
    void aUserShareOfAFileDropsCreateAndDelete() {
        assertEquals(19, create("{\"path\":\"/a.txt\",\"shareType\":0,\"shareWith\":\"carol\",\"permissions\":31}")
                .getInt("permissions"));
        HttpResponse<String> again = bob.send("POST", SHARES, "{\"path\":\"/a.txt\",\"shareType\":0,\"shareWith\":\"carol\"}", OCS);
        assertEquals(403, again.statusCode());
        assertTrue(message(again).contains("already shared with the account Carol"), message(again));
    }

    @Test
    void onlyTheOwnerChangesAShare() {
        String id = create("{\"path\":\"/a.txt\",\"shareType\":0,\"shareWith\":\"carol\"}").getString("id");
        HttpResponse<String> refused = carol.send("PUT", path(id), "{\"permissions\":1}", OCS);
        assertEquals(403, refused.statusCode());
        assertEquals("You are not allowed to edit incoming shares", message(refused));
        HttpResponse<String> empty = bob.send("PUT", path(id), "{}", OCS);
        assertEquals(400, empty.statusCode());
        assertEquals("Wrong or no update parameter given", message(empty));
    }

    @Test
    void passwordsAreStoredAsHashesAndProtectTheDownload() {
        JsonObject link = create("{\"path\":\"/a.txt\",\"shareType\":3,\"password\":\"s3cret-Pass\"}");
        assertNotEquals("s3cret-Pass", link.getString("password"));
        assertFalse(link.toString().contains("s3cret-Pass"));
        HttpResponse<String> download = anonymous("/index.php/s/" + link.getString("token") + "/download");
        assertEquals(303, download.statusCode());
        assertTrue(download.headers().firstValue("Location").orElseThrow().endsWith("/authenticate/downloadShare"));
    }

    @Test
    void anExpiredLinkIsGoneAndTodayIsInThePast() {
        HttpResponse<String> today = bob.send("POST", SHARES, "{\"path\":\"/a.txt\",\"shareType\":3,\"expireDate\":\""
                + LocalDate.now() + "\"}", OCS);
        assertEquals(404, today.statusCode());
        assertEquals("Expiration date is in the past", message(today));
        HttpResponse<String> garbage = bob.send("POST", SHARES, "{\"path\":\"/a.txt\",\"shareType\":3,\"expireDate\":\"soon\"}", OCS);
        assertEquals(400, garbage.statusCode());
        assertEquals("Invalid date. Format must be YYYY-MM-DD", message(garbage));
    }

    @Test
    void nextcloud29SendsTheFileOfAPublicLink() {
        sim.stop();
        sim = NextcloudSimulator.builder().version(NextcloudVersion.NC29).user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        bob.send("PUT", "/remote.php/dav/files/bob/a.txt", "hello");
        JsonObject link = create("{\"path\":\"/a.txt\",\"shareType\":3}");
        HttpResponse<String> download = anonymous("/index.php/s/" + link.getString("token") + "/download");
        assertEquals(200, download.statusCode());
        assertEquals("hello", download.body());
        assertFalse(link.containsKey("is-mount-root"));
    }

    @Test
    void shareesAreFoundByNameAndAddressesOfferedAsTyped() {
        JsonObject found = data(bob.send("GET", "/ocs/v2.php/apps/files_sharing/api/v1/sharees?search=car&format=json",
                null, OCS)).asJsonObject();
        assertEquals("carol", found.getJsonArray("users").getJsonObject(0).getJsonObject("value").getString("shareWith"));
        JsonObject email = data(bob.send("GET", "/ocs/v2.php/apps/files_sharing/api/v1/sharees?search=a%40b.org&format=json",
                null, OCS)).asJsonObject();
        assertEquals(4, email.getJsonObject("exact").getJsonArray("emails").getJsonObject(0).getJsonObject("value")
                .getInt("shareType"));
        JsonObject self = data(bob.send("GET", "/ocs/v2.php/apps/files_sharing/api/v1/sharees?search=bob&format=json",
                null, OCS)).asJsonObject();
        assertTrue(self.getJsonObject("exact").getJsonArray("users").isEmpty(), "nobody shares with himself");
    }

    @Test
    void theDemoSharesAFileByPublicLink() {
        try (NextcloudSimulator demo = NextcloudSimulator.builder().user("demo", "pw").sampleData(true).build().start()) {
            JsonArray shares = data(new SimHttp(demo, "demo", "pw").send("GET", SHARES, null, OCS)).asJsonArray();
            assertEquals(1, shares.size());
            assertEquals("/Shared/Team agenda.md", shares.getJsonObject(0).getString("path"));
            assertEquals(3, shares.getJsonObject(0).getInt("share_type"));
        }
    }

    private JsonObject create(String body) {
        HttpResponse<String> created = bob.send("POST", SHARES, body, OCS);
        assertEquals(200, created.statusCode(), created.body());
        return data(created).asJsonObject();
    }

    private HttpResponse<String> anonymous(String path) {
        return new SimHttp(sim, "nobody", "none").send("GET", path, null, "Authorization", "");
    }

    private static String path(String id) {
        return "/ocs/v2.php/apps/files_sharing/api/v1/shares/" + id + "?format=json";
    }

    private static jakarta.json.JsonValue data(HttpResponse<String> response) {
        return SimHttp.parse(response).asJsonObject().getJsonObject("ocs").get("data");
    }

    private static String message(HttpResponse<String> response) {
        return SimHttp.parse(response).asJsonObject().getJsonObject("ocs").getJsonObject("meta").getString("message");
    }
}
