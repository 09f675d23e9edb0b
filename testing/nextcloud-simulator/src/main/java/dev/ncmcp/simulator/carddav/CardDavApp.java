package dev.ncmcp.simulator.carddav;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.dav.DavAuth;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.StoredObject;

/**
 * The address books of Nextcloud's dav app: {@code /remote.php/dav/addressbooks/users/…}. Sample data: a few
 * contacts in Contacts, in vCard 3.0 and 4.0, one with a photo.
 */
public final class CardDavApp implements SimulatorApp {

    private final AddressBookStore store;
    private final DavAuth auth;

    public CardDavApp(BasicAuth auth, Accounts accounts) {
        this.auth = new DavAuth(auth);
        this.store = new AddressBookStore(accounts::displayName);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(AddressBookEndpoint.ROOT, auth.requireUser(new AddressBookEndpoint(store)::handle));
    }

    @Override
    public void seedSampleData(String user) {
        store.with(user, books -> {
            DavCollection contacts = books.get("contacts");
            contacts.put("anna.vcf", StoredObject.of("""
                    BEGIN:VCARD\r
                    VERSION:3.0\r
                    UID:sample-anna\r
                    FN:Anna Schmidt\r
                    N:Schmidt;Anna;;;\r
                    EMAIL;TYPE=INTERNET,WORK:anna.schmidt@example.org\r
                    TEL;TYPE=CELL:+49 170 1234567\r
                    ORG:Example GmbH;Sales\r
                    TITLE:Account manager\r
                    BDAY:1988-04-15\r
                    CATEGORIES:Work\r
                    PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r
                    END:VCARD\r
                    """));
            contacts.put("ben.vcf", StoredObject.of("""
                    BEGIN:VCARD\r
                    VERSION:4.0\r
                    UID:urn:uuid:5b4f3e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\r
                    FN:Ben Okafor\r
                    N:Okafor;Ben;;;\r
                    EMAIL;TYPE=home:ben@example.net\r
                    TEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0018\r
                    ADR;TYPE=home:;;1 Market Street;Bristol;;BS1 4DJ;United Kingdom\r
                    NOTE:Met at the conference\r
                    CATEGORIES:Friends\r
                    END:VCARD\r
                    """));
            return null;
        });
    }
}
