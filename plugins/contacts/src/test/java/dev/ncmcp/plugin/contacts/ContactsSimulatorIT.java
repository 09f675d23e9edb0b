package dev.ncmcp.plugin.contacts;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ncmcp.plugin.contacts.ToolCaller.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every contacts tool against the Nextcloud simulator (Nextcloud 31's CardDAV answers): the read-only system address
 * book, vCard 4.0 returned as 3.0 in REPORTs, the sample contacts, conflicts and deletion.
 */
class ContactsSimulatorIT {

    private static NextcloudSimulator simulator;
    private static NextcloudClient client;
    private static ToolCaller tools;

    @BeforeAll
    static void start() {
        simulator = NextcloudSimulator.builder().user("bob", "bob-pw", "Bob Tester").sampleData(true).build().start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(simulator.baseUrl()).build())
                .appPassword("bob", "bob-pw");
        tools = new ToolCaller(client, "bob-pw");
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theSystemAddressBookIsListedReadOnly() throws Exception {
        List<JsonObject> books = tools.call("nc_contacts_list_address_books").getJsonArray("addressBooks")
                .getValuesAs(JsonObject.class);
        JsonObject system = books.stream().filter(b -> b.getString("id").equals("z-server-generated--system"))
                .findFirst().orElseThrow();
        assertTrue(system.getBoolean("readOnly"));
        assertEquals("Accounts", system.getString("name"));
        JsonObject contacts = books.stream().filter(b -> b.getString("id").equals("contacts")).findFirst().orElseThrow();
        assertFalse(contacts.getBoolean("readOnly"));
        tools.fails(Kind.PERMISSION_DENIED, "read-only", "nc_contacts_create_contact",
                "addressBook", "Accounts", "fullName", "Nobody");
    }

    @Test
    void theSampleContactsAreSearchedOnTheServerAndAVCard4ComesBackAs3() throws Exception {
        JsonObject found = tools.call("nc_contacts_search_contacts", "query", "okafor");
        assertEquals(1, found.getInt("total"));
        JsonObject ben = found.getJsonArray("contacts").getJsonObject(0);
        assertEquals("3.0", ben.getString("vcardVersion"), "Nextcloud returns a stored 4.0 card as 3.0");
        assertEquals("+44-20-7946-0018", ben.getJsonArray("phones").getJsonObject(0).getString("value"));
        assertEquals("Bristol", ben.getJsonArray("addresses").getJsonObject(0).getString("city"));
        assertEquals(List.of("Anna Schmidt"), tools.call("nc_contacts_search_contacts", "query", "example gmbh",
                "field", "organization").getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("fullName")).toList());
        JsonObject anna = tools.call("nc_contacts_get_contact", "addressBook", "contacts", "uid", "sample-anna");
        assertEquals("Example GmbH, Sales", anna.getString("organization"));
        assertEquals("image/png", anna.getJsonObject("photo").getString("mediaType"));
        assertEquals("1988-04-15", anna.getString("birthday"));
        var search = simulator.requests().stream().filter(r -> r.method().equals("REPORT")).toList();
        assertFalse(search.isEmpty());
    }

    @Test
    void contactsAreCreatedUpdatedWithEtagsAndDeleted() throws Exception {
        String book = tools.call("nc_contacts_create_address_book", "name", "Club").getString("id");
        JsonObject made = tools.call("nc_contacts_create_contact", "addressBook", book, "givenName", "Carla",
                "familyName", "Diaz", "emails", ToolCaller.array(args("address", "carla@example.com", "type", "home")));
        String uid = made.getString("uid");
        assertTrue(uid.startsWith("urn:uuid:"), uid);
        var stored = client.send(NextcloudRequest.get("/remote.php/dav/addressbooks/users/bob/" + book + "/"
                + uid.substring("urn:uuid:".length()) + ".vcf").build());
        assertEquals(200, stored.status());
        assertTrue(stored.text().contains("VERSION:4.0"), stored.text());
        JsonObject changed = tools.call("nc_contacts_update_contact", "addressBook", book, "uid", uid,
                "etag", made.getString("etag"), "organization", "Chess Club", "groups", List.of("Club"));
        assertEquals("Chess Club", changed.getString("organization"));
        var conflict = tools.fails(Kind.CONFLICT, "changed since", "nc_contacts_update_contact", "addressBook", book,
                "uid", uid, "etag", made.getString("etag"), "title", "stale");
        assertEquals("Chess Club", conflict.details().asJsonObject().getString("organization"));
        assertEquals(1, tools.call("nc_contacts_list_contacts", "addressBook", book).getInt("total"));
        tools.call("nc_contacts_delete_contact", "addressBook", book, "uid", uid, "etag", changed.getString("etag"));
        assertEquals(0, tools.call("nc_contacts_list_contacts", "addressBook", book).getInt("total"));
        tools.call("nc_contacts_delete_address_book", "addressBook", book, "confirm", true);
        tools.fails(Kind.INVALID_ARGUMENT, "no address book", "nc_contacts_list_contacts", "addressBook", book);
    }
}
