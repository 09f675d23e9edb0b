package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlWriter;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardReader;
import ezvcard.io.text.VCardWriter;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/**
 * The user's address books over CardDAV (RFC 6352), found from the address book home the server names; contacts are
 * found with {@code addressbook-query} REPORTs, so a search never downloads the whole address book.
 */
final class CardDav {

    static final QName ADDRESS_DATA = QName.carddav("address-data");

    /**
     * One property filter of an addressbook-query: the vCard property and the text it contains, or (no text) only
     * that the card has the property.
     */
    record Match(String property, Optional<String> text, String matchType) {
        static Match contains(String property, String text) {
            return new Match(property, Optional.of(text), "contains");
        }

        static Match defined(String property) {
            return new Match(property, Optional.empty(), "contains");
        }
    }

    private final NextcloudClient client;

    private CardDav(NextcloudClient client) {
        this.client = client;
    }

    static CardDav of(ToolInvocation call) {
        return new CardDav(call.nextcloud());
    }

    NextcloudClient client() {
        return client;
    }

    String home() throws ToolException {
        return client.addressBookHome();
    }

    List<AddressBook> addressBooks() throws ToolException {
        String home = home();
        NextcloudResponse response = Answer.of(client.send(Dav.propfind(home, 1, AddressBook.PROPERTIES)))
                .about("the address book home " + home).expect(207);
        List<AddressBook> out = new ArrayList<>();
        for (DavEntry entry : Multistatus.read(response)) {
            if (AddressBook.isAddressBook(entry)) {
                out.add(AddressBook.of(entry));
            }
        }
        return out;
    }

    AddressBook addressBook(String argument, String idOrName) throws ToolException {
        List<AddressBook> all = addressBooks();
        return all.stream().filter(b -> b.id().equals(idOrName)).findFirst()
                .or(() -> all.stream().filter(b -> b.name().equalsIgnoreCase(idOrName.strip())).findFirst())
                .orElseThrow(() -> invalidArgument("'" + argument + "': there is no address book '" + idOrName
                        + "'. The user's address books are: " + String.join(", ", all.stream()
                        .map(b -> b.id() + " (" + b.name() + ")").toList()) + "."));
    }

    List<AddressBook> addressBooks(String argument, List<String> named) throws ToolException {
        if (named.isEmpty()) {
            return addressBooks();
        }
        List<AddressBook> out = new ArrayList<>();
        for (String name : named) {
            out.add(addressBook(argument, name));
        }
        return out;
    }

    /** The cards matching any of {@code matches} (all cards when there are none). */
    List<Card> query(AddressBook book, List<Match> matches) throws ToolException {
        String body = XmlWriter.document(QName.carddav("addressbook-query"), root -> {
            root.element(QName.dav("prop"), prop -> prop.empty(QName.dav("getetag")).empty(ADDRESS_DATA));
            root.element(QName.carddav("filter"), Map.of("test", "anyof"), filter -> matches.forEach(match ->
                    filter.element(QName.carddav("prop-filter"), Map.of("name", match.property()), p -> {
                        if (match.text().isPresent()) {
                            Map<String, String> attributes = new LinkedHashMap<>();
                            attributes.put("collation", "i;unicode-casemap");
                            attributes.put("match-type", match.matchType());
                            p.text(QName.carddav("text-match"), attributes, match.text().get());
                        }
                    })));
        });
        NextcloudResponse response = Answer.of(client.send(Dav.report(book.href(), 1, body)))
                .about("address book " + book.id()).expect(207);
        List<Card> out = new ArrayList<>();
        for (DavEntry entry : Multistatus.read(response)) {
            Optional<String> data = entry.property(ADDRESS_DATA).filter(d -> !d.isBlank());
            if (entry.status() == 200 && data.isPresent()) {
                parse(data.get()).ifPresent(card -> out.add(new Card(book, entry.href(), entry.dav("getetag"), card)));
            }
        }
        return out;
    }

    Card byUid(AddressBook book, String uid) throws ToolException {
        return query(book, List.of(new Match("UID", Optional.of(uid), "equals"))).stream()
                .filter(card -> card.vcard().getUid() != null && uid.equals(card.vcard().getUid().getValue()))
                .findFirst()
                .orElseThrow(() -> notFound("There is no contact with uid '" + uid + "' in address book " + book.id()
                        + ". Search for it to find its uid."));
    }

    Optional<String> put(String href, VCard card, boolean create, Optional<Etag> ifMatch, String about,
                         Supplier<JsonValue> current) throws ToolException {
        NextcloudRequest.Builder put = NextcloudRequest.put(href)
                .body(write(card).getBytes(StandardCharsets.UTF_8), "text/vcard; charset=utf-8");
        if (create) {
            put.header("If-None-Match", "*");
        }
        ifMatch.ifPresent(tag -> put.header("If-Match", tag.header()));
        NextcloudResponse response = Answer.of(client.send(put.build())).about(about)
                .on(403, refusal -> ToolException.permissionDenied("The address book does not allow changes by this "
                        + "user. Choose one that is not read-only (nc_contacts_list_address_books)."))
                .on(412, refusal -> ToolException.conflict(capitalised(about) + (create ? " already exists."
                        : " has changed since it was read (its etag no longer matches); nothing was changed. The "
                        + "current version is in the details: apply the change to it and retry with its etag."),
                        current.get()))
                .expect(200, 201, 204);
        return response.header("ETag").filter(tag -> !tag.isBlank());
    }

    void delete(String href, Optional<Etag> ifMatch, String about, Supplier<JsonValue> current) throws ToolException {
        NextcloudRequest.Builder delete = NextcloudRequest.delete(href);
        ifMatch.ifPresent(tag -> delete.header("If-Match", tag.header()));
        Answer.of(client.send(delete.build())).about(about)
                .on(412, refusal -> ToolException.conflict(capitalised(about) + " has changed since it was read; "
                        + "nothing was deleted. The current version is in the details.", current.get()))
                .expect(200, 204);
    }

    static String newHref(AddressBook book, String uid) {
        return DavPaths.child(book.href(), List.of(uid.replaceAll("[^A-Za-z0-9._@-]", "-") + ".vcf"));
    }

    /**
     * Reads a vCard (3.0 or 4.0). ez-vcard's {@code Ezvcard} facade is not used: it links the HTML and template
     * libraries this plugin leaves out, so the text reader and writer are called directly.
     */
    static Optional<VCard> parse(String data) {
        try (VCardReader reader = new VCardReader(data)) {
            return Optional.ofNullable(reader.readNext());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Writes a vCard in its own version (a 3.0 card stays 3.0), keeping the properties ez-vcard does not know. */
    static String write(VCard card) {
        StringWriter out = new StringWriter();
        try (VCardWriter writer = new VCardWriter(out, card.getVersion() == null ? VCardVersion.V4_0 : card.getVersion())) {
            writer.setAddProdId(false);
            writer.write(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
