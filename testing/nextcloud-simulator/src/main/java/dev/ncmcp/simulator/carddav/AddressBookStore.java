package dev.ncmcp.simulator.carddav;

import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.StoredObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every user's address books by id, one lock per user: each user has "Contacts" and Nextcloud's read-only system
 * address book of all accounts ({@code z-server-generated--system}), which holds the user's own card.
 */
final class AddressBookStore {
    static final String SYSTEM = "z-server-generated--system";

    private final Map<String, Map<String, DavCollection>> byUser = new ConcurrentHashMap<>();
    private final Function<String, String> displayNames;

    AddressBookStore(Function<String, String> displayNames) {
        this.displayNames = displayNames;
    }

    <T> T with(String user, Function<Map<String, DavCollection>, T> work) {
        Map<String, DavCollection> books = byUser.computeIfAbsent(user, u -> {
            Map<String, DavCollection> initial = new LinkedHashMap<>();
            initial.put("contacts", book("Contacts", null));
            DavCollection system = book("Accounts", "System address book which holds all accounts");
            system.properties().put("read-only", "true");
            system.put("Database:" + u + ".vcf", StoredObject.of("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Sabre//"
                    + "Sabre VObject 4.5.6//EN\r\nUID:" + u + "\r\nFN:" + displayNames.apply(u) + "\r\nN:"
                    + displayNames.apply(u) + ";;;;\r\nCLOUD:" + u + "@localhost\r\nEND:VCARD\r\n"));
            initial.put(SYSTEM, system);
            return initial;
        });
        synchronized (books) {
            return work.apply(books);
        }
    }

    static DavCollection book(String name, String description) {
        DavCollection book = new DavCollection();
        book.properties().put("displayname", name);
        if (description != null) {
            book.properties().put("addressbook-description", description);
        }
        return book;
    }
}
