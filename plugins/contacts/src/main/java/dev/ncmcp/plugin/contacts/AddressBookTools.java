package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.NoArguments;
import dev.ncmcp.spi.tool.Tool;
import dev.ncmcp.spi.xml.QName;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.conflict;
import static dev.ncmcp.spi.ToolException.invalidArgument;

/** Address books: list, create, delete. */
final class AddressBookTools {

    record AddressBooks(@Description("The user's address books") List<AddressBook> addressBooks) {
    }

    record CreateAddressBook(@Description("Display name") @Length(min = 1, max = 200) String name,
                             @Description("Description") Optional<String> description) {
    }

    record DeleteAddressBook(@Description("The address book's id or name") String addressBook,
                             @Description("Must be true: deleting an address book deletes all its contacts. Ask the "
                                     + "user first") boolean confirm) {
    }

    record AddressBookDeleted(@Description("The deleted address book's id") String id,
                              @Description("Its display name") String name) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_contacts_list_address_books", NoArguments.class, AddressBooks.class)
                        .title("List address books")
                        .description("""
                                Lists the user's address books: id (to pass as 'addressBook'), name, description and \
                                whether it is read-only (such as Nextcloud's address book of all accounts).""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(ContactsPlugin.READ)
                        .summary(found -> found.addressBooks().size() + " address book(s)")
                        .handler((args, call) -> new AddressBooks(CardDav.of(call).addressBooks())),
                Tool.define("nc_contacts_create_address_book", CreateAddressBook.class, AddressBook.class)
                        .title("Create an address book")
                        .description("Creates an address book with a name and description; returns it with its id.")
                        .annotations(ToolAnnotations.ADDITIVE).requires(ContactsPlugin.WRITE)
                        .handler(this::create),
                Tool.define("nc_contacts_delete_address_book", DeleteAddressBook.class, AddressBookDeleted.class)
                        .title("Delete an address book")
                        .description("""
                                Deletes a whole address book with all its contacts. Destructive and not undoable: ask \
                                the user to confirm first and pass confirm=true.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(ContactsPlugin.WRITE)
                        .handler(this::delete));
    }

    private AddressBook create(CreateAddressBook args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        List<String> taken = dav.addressBooks().stream().map(AddressBook::id).toList();
        String id = slug(args.name());
        for (int n = 2; taken.contains(id); n++) {
            id = slug(args.name()) + "-" + n;
        }
        String href = DavPaths.child(dav.home(), List.of(id)) + "/";
        Map<QName, String> properties = new LinkedHashMap<>();
        properties.put(QName.dav("displayname"), args.name());
        args.description().filter(d -> !d.isBlank()).ifPresent(d -> properties.put(AddressBook.DESCRIPTION, d));
        String made = id;
        Answer.of(dav.client().send(Dav.mkcol(href, List.of(QName.dav("collection"), AddressBook.ADDRESSBOOK),
                        properties))).about("address book " + id)
                .on(405, refusal -> conflict("An address book with id " + made + " already exists.", null))
                .expect(201);
        return dav.addressBooks().stream().filter(b -> b.id().equals(made)).findFirst()
                .orElseThrow(() -> ToolException.upstream("The server accepted address book " + made
                        + " but does not list it."));
    }

    private AddressBookDeleted delete(DeleteAddressBook args, ToolInvocation call) throws ToolException {
        if (!args.confirm()) {
            throw invalidArgument("'confirm' must be true: deleting an address book deletes every contact in it. Ask "
                    + "the user, then call again with confirm=true.");
        }
        CardDav dav = CardDav.of(call);
        AddressBook book = dav.addressBook("addressBook", args.addressBook());
        Answer.of(dav.client().send(NextcloudRequest.delete(book.href()).build())).about("address book " + book.id())
                .expect(200, 204);
        return new AddressBookDeleted(book.id(), book.name());
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "contacts" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
