package dev.ncmcp.plugin.contacts;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.testkit.Radicale;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.ncmcp.plugin.contacts.ToolCaller.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every contacts tool end to end against a real Radicale, through the real HTTP client. */
class ContactsRadicaleIT {

    private static Radicale radicale;
    private static NextcloudClient client;
    private static ToolCaller tools;

    @BeforeAll
    static void start() throws Exception {
        radicale = Radicale.start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(radicale.baseUrl()).build())
                .appPassword(Radicale.USER, Radicale.PASSWORD);
        tools = new ToolCaller(client, Radicale.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (radicale != null) {
            radicale.close();
        }
    }

    private static String book(String name) throws Exception {
        return tools.call("nc_contacts_create_address_book", "name", name, "description", "tests").getString("id");
    }

    private static String stored(String book, String uid) throws Exception {
        try (Stream<Path> files = Files.list(radicale.storage().resolve("collection-root/alice/" + book))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vcf")).toList()) {
                String text = Files.readString(file).replace("\r\n ", "");
                if (text.contains(uid)) {
                    return text;
                }
            }
        }
        throw new AssertionError("no card " + uid);
    }

    @Test
    void addressBooksAreCreatedListedAndDeletedWithConfirmation() throws Exception {
        JsonObject made = tools.call("nc_contacts_create_address_book", "name", "Família", "description", "family");
        assertEquals("familia", made.getString("id"));
        assertEquals("family", made.getString("description"));
        assertTrue(tools.call("nc_contacts_list_address_books").getJsonArray("addressBooks")
                .getValuesAs(JsonObject.class).stream().anyMatch(b -> b.getString("name").equals("Família")));
        tools.fails(Kind.INVALID_ARGUMENT, "confirm", "nc_contacts_delete_address_book", "addressBook", "familia",
                "confirm", false);
        assertEquals("familia", tools.call("nc_contacts_delete_address_book", "addressBook", "Família",
                "confirm", true).getString("id"));
        tools.fails(Kind.INVALID_ARGUMENT, "no address book", "nc_contacts_list_contacts", "addressBook", "familia");
    }

    @Test
    void contactsAreCreatedSearchedOnTheServerUpdatedAndDeleted() throws Exception {
        String book = book("Work");
        JsonObject ada = tools.call("nc_contacts_create_contact", "addressBook", book, "givenName", "Ada",
                "familyName", "Lovelace", "organization", "Analytical Engines Ltd", "title", "Engineer",
                "birthday", "1815-12-10", "notes", "first programmer", "groups", List.of("Friends", "Work"),
                "emails", ToolCaller.array(args("address", "ada@example.org", "type", "work")),
                "phones", ToolCaller.array(args("number", "+44 20 7946 0000", "type", "cell")),
                "addresses", ToolCaller.array(args("street", "12 St James's Square", "city", "London",
                        "postalCode", "SW1Y 4JH", "country", "UK", "type", "home")));
        assertEquals("Ada Lovelace", ada.getString("fullName"));
        assertEquals("4.0", ada.getString("vcardVersion"));
        assertEquals("1815-12-10", ada.getString("birthday"));
        assertEquals(List.of("Friends", "Work"), strings(ada, "groups"));
        assertEquals("London", ada.getJsonArray("addresses").getJsonObject(0).getString("city"));
        String uid = ada.getString("uid");
        tools.call("nc_contacts_create_contact", "addressBook", book, "fullName", "Charles Babbage",
                "emails", ToolCaller.array(args("address", "charles@example.net")));

        assertEquals(List.of("Ada Lovelace"), names(tools.call("nc_contacts_search_contacts", "query", "LOVE")));
        assertEquals(List.of("Charles Babbage"), names(tools.call("nc_contacts_search_contacts", "query",
                "example.net", "field", "email")));
        assertEquals(List.of("Ada Lovelace"), names(tools.call("nc_contacts_search_contacts", "query", "7946",
                "field", "phone")));
        assertEquals(List.of("Ada Lovelace"), names(tools.call("nc_contacts_search_contacts", "query", "analytical",
                "field", "organization")));
        assertEquals(0, tools.call("nc_contacts_search_contacts", "query", "zzzz").getInt("total"));

        JsonObject page = tools.call("nc_contacts_list_contacts", "addressBook", book, "limit", 1);
        assertEquals(2, page.getInt("total"));
        assertEquals(List.of("Ada Lovelace"), names(page));
        assertEquals(List.of("Charles Babbage"), names(tools.call("nc_contacts_list_contacts", "addressBook", book,
                "limit", 1, "cursor", page.getString("nextCursor"))));

        JsonObject read = tools.call("nc_contacts_get_contact", "addressBook", book, "uid", uid);
        JsonObject changed = tools.call("nc_contacts_update_contact", "addressBook", book, "uid", uid,
                "etag", read.getString("etag"), "title", "Countess", "phones", ToolCaller.array(), "notes", "");
        assertEquals("Countess", changed.getString("title"));
        assertTrue(changed.getJsonArray("phones").isEmpty());
        assertFalse(changed.containsKey("notes"));
        assertEquals("ada@example.org", changed.getJsonArray("emails").getJsonObject(0).getString("value"));
        tools.fails(Kind.CONFLICT, "changed since", "nc_contacts_update_contact", "addressBook", book, "uid", uid,
                "etag", read.getString("etag"), "title", "stale");
        tools.call("nc_contacts_delete_contact", "addressBook", book, "uid", uid);
        tools.fails(Kind.NOT_FOUND, "no contact", "nc_contacts_get_contact", "addressBook", book, "uid", uid);
        tools.fails(Kind.INVALID_ARGUMENT, "Give a name", "nc_contacts_create_contact", "addressBook", book);
    }

    @Test
    void aVCard3WithAPhotoAndUnknownPropertiesIsReadAndKeptOnUpdate() throws Exception {
        String book = book("Old phone");
        String vcard = """
                BEGIN:VCARD\r
                VERSION:3.0\r
                UID:old-1\r
                FN:Grace Hopper\r
                N:Hopper;Grace;Brewster;Rear Admiral;\r
                EMAIL;TYPE=INTERNET,WORK:grace@example.mil\r
                TEL;TYPE=CELL:+1 555 0100\r
                PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r
                X-ABLABEL;X-CUSTOM=1:keep me\r
                CATEGORIES:Navy,Computing\r
                END:VCARD\r
                """;
        String href = "/alice/" + book + "/old-1.vcf";
        assertEquals(201, client.send(NextcloudRequest.put(href).body(vcard.getBytes(StandardCharsets.UTF_8),
                "text/vcard; charset=utf-8").build()).status());
        JsonObject grace = tools.call("nc_contacts_get_contact", "addressBook", book, "uid", "old-1");
        assertEquals("3.0", grace.getString("vcardVersion"));
        assertEquals("Brewster", grace.getJsonObject("name").getString("middle"));
        assertEquals(List.of("work"), strings(grace.getJsonArray("emails").getJsonObject(0), "types"));
        assertEquals(List.of("cell"), strings(grace.getJsonArray("phones").getJsonObject(0), "types"));
        assertEquals("image/png", grace.getJsonObject("photo").getString("mediaType"));
        assertEquals(70, grace.getJsonObject("photo").getInt("bytes"));
        assertFalse(grace.toString().contains("iVBORw0"), "the photo is reported, not inlined");
        assertEquals(List.of("Navy", "Computing"), strings(grace, "groups"));

        tools.call("nc_contacts_update_contact", "addressBook", book, "uid", "old-1", "organization", "US Navy");
        String stored = stored(book, "old-1");
        assertTrue(stored.contains("VERSION:3.0"), stored);
        assertTrue(stored.contains("X-ABLABEL;X-CUSTOM=1:keep me"), stored);
        assertTrue(stored.contains("PHOTO;"), stored);
        assertTrue(stored.contains("ORG:US Navy"), stored);
    }

    private static List<String> names(JsonObject found) {
        return found.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("fullName")).toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
