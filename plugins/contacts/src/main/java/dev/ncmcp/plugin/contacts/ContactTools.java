package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Page;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.RecordJson;
import dev.ncmcp.spi.tool.Tool;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.ncmcp.spi.ToolException.invalidArgument;

/** Contacts: list, search, get, create, update, delete. */
final class ContactTools {

    enum Field { ANY, NAME, EMAIL, PHONE, ORGANIZATION }

    record ListContacts(
            @Description("The address book's id or name; all address books when omitted") Optional<String> addressBook,
            @Description("At most this many contacts per page") @Range(min = 1, max = 500) @Default("100") int limit,
            @Description("The nextCursor of the previous page") Optional<String> cursor) {
    }

    record Contacts(@Description("The contacts, by name") List<Contact> contacts,
                    @Description("How many there are in all") int total,
                    @Description("Pass as 'cursor' for the next page; absent on the last page")
                    Optional<String> nextCursor) {
    }

    record SearchContacts(
            @Description("Text the field contains, ignoring case (part of a name, address or number)")
            @Length(min = 1, max = 200) String query,
            @Description("Where to look: any (name, e-mail, phone, organisation), name, email, phone or organization")
            @Default("any") Field field,
            @Description("Address books to search (ids or names); all when empty") List<String> addressBooks,
            @Description("At most this many contacts") @Range(min = 1, max = 500) @Default("50") int limit) {
    }

    record Found(@Description("The matching contacts, by name") List<Contact> contacts,
                 @Description("How many matched") int total) {
    }

    record GetContact(@Description("The address book's id or name") String addressBook,
                      @Description("The contact's uid") String uid) {
    }

    record EmailInput(@Description("E-mail address") String address,
                      @Description("Kind: home, work or other") Optional<String> type) {
    }

    record PhoneInput(@Description("Phone number") String number,
                      @Description("Kind: cell, home, work, fax…") Optional<String> type) {
    }

    record AddressInput(@Description("Street and number") Optional<String> street,
                        @Description("City") Optional<String> city,
                        @Description("Region or state") Optional<String> region,
                        @Description("Postal code") Optional<String> postalCode,
                        @Description("Country") Optional<String> country,
                        @Description("Kind: home or work") Optional<String> type) {
    }

    record CreateContact(
            @Description("The address book's id or name") String addressBook,
            @Description("The name as shown; default given and family name") Optional<String> fullName,
            @Description("Given name") Optional<String> givenName,
            @Description("Family name") Optional<String> familyName,
            @Description("Middle names") Optional<String> middleName,
            @Description("Prefix, e.g. Dr.") Optional<String> prefix,
            @Description("Suffix, e.g. Jr.") Optional<String> suffix,
            @Description("E-mail addresses") List<EmailInput> emails,
            @Description("Phone numbers") List<PhoneInput> phones,
            @Description("Postal addresses") List<AddressInput> addresses,
            @Description("Organisation") Optional<String> organization,
            @Description("Job title") Optional<String> title,
            @Description("Birthday, YYYY-MM-DD") Optional<LocalDate> birthday,
            @Description("Notes") Optional<String> notes,
            @Description("Groups") List<String> groups) {
        CreateContact {
            if (fullName.filter(s -> !s.isBlank()).isEmpty() && givenName.filter(s -> !s.isBlank()).isEmpty()
                    && familyName.filter(s -> !s.isBlank()).isEmpty() && organization.filter(s -> !s.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("Give a name: 'fullName', 'givenName' or 'familyName' (or at least "
                        + "'organization').");
            }
        }
    }

    record UpdateContact(
            @Description("The address book's id or name") String addressBook,
            @Description("The contact's uid") String uid,
            @Description("The etag you read: change only if the contact has not changed since") Optional<String> etag,
            @Description("New name as shown") Optional<String> fullName,
            @Description("New given name") Optional<String> givenName,
            @Description("New family name") Optional<String> familyName,
            @Description("New e-mail addresses (replace the old ones)") Optional<List<EmailInput>> emails,
            @Description("New phone numbers (replace the old ones)") Optional<List<PhoneInput>> phones,
            @Description("New postal addresses (replace the old ones)") Optional<List<AddressInput>> addresses,
            @Description("New organisation; empty removes it") Optional<String> organization,
            @Description("New job title; empty removes it") Optional<String> title,
            @Description("New birthday YYYY-MM-DD; empty removes it") Optional<String> birthday,
            @Description("New notes; empty removes them") Optional<String> notes,
            @Description("New groups (replace the old ones)") Optional<List<String>> groups) {
    }

    record DeleteContact(@Description("The address book's id or name") String addressBook,
                         @Description("The contact's uid") String uid,
                         @Description("The etag you read: delete only if the contact has not changed since")
                         Optional<String> etag) {
    }

    record ContactDeleted(@Description("The address book's id") String addressBook,
                          @Description("The deleted contact's uid") String uid) {
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_contacts_list_contacts", ListContacts.class, Contacts.class).title("List contacts")
                        .description("""
                                Lists the contacts of an address book (or of all), by name, a page at a time: name \
                                parts, e-mails, phones, addresses, organisation, title, birthday, notes, groups, \
                                whether there is a photo, and the uid and etag to change them with.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(ContactsPlugin.READ)
                        .summary(found -> found.contacts().size() + " of " + found.total() + " contact(s)")
                        .handler(this::list),
                Tool.define("nc_contacts_search_contacts", SearchContacts.class, Found.class)
                        .title("Search contacts")
                        .description("""
                                Finds contacts whose name, e-mail, phone number or organisation contains a text \
                                (ignoring case), with a CardDAV addressbook-query on the server, so only matches are \
                                downloaded. Returns them in full.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(ContactsPlugin.READ)
                        .summary(found -> found.contacts().size() + " contact(s) found")
                        .handler(this::search),
                Tool.define("nc_contacts_get_contact", GetContact.class, Contact.class).title("Get a contact")
                        .description("Returns one contact in full (vCard 3.0 or 4.0), with the etag to change it.")
                        .annotations(ToolAnnotations.READ_ONLY).requires(ContactsPlugin.READ)
                        .handler(this::get),
                Tool.define("nc_contacts_create_contact", CreateContact.class, Contact.class)
                        .title("Create a contact")
                        .description("""
                                Creates a contact (vCard 4.0) with name parts, e-mails, phones, addresses, \
                                organisation, title, birthday, notes and groups. Returns it with its uid and etag.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(ContactsPlugin.WRITE)
                        .handler(this::create),
                Tool.define("nc_contacts_update_contact", UpdateContact.class, Contact.class)
                        .title("Update a contact")
                        .description("""
                                Changes a contact: only the fields given change; the rest of the vCard (photo, \
                                properties other apps wrote, its version) stays. Pass the etag you read: if the \
                                contact changed meanwhile nothing is changed and the error carries the current one.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(ContactsPlugin.WRITE)
                        .handler(this::update),
                Tool.define("nc_contacts_delete_contact", DeleteContact.class, ContactDeleted.class)
                        .title("Delete a contact")
                        .description("Deletes a contact from an address book. Pass the etag you read to delete only the "
                                + "version you saw.")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(ContactsPlugin.WRITE)
                        .handler(this::delete));
    }

    private Contacts list(ListContacts args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        List<Contact> all = new ArrayList<>();
        for (AddressBook book : dav.addressBooks("addressBook", args.addressBook().stream().toList())) {
            dav.query(book, List.of()).forEach(card -> all.add(Contact.of(card)));
        }
        all.sort(BY_NAME);
        Page<Contact> page = Page.of(all, args.cursor(), args.limit());
        return new Contacts(page.items(), page.total(), page.nextCursor());
    }

    private static final Comparator<Contact> BY_NAME = Comparator.comparing(
            (Contact c) -> c.fullName().toLowerCase(Locale.ROOT)).thenComparing(Contact::uid);

    private Found search(SearchContacts args, ToolInvocation call) throws ToolException {
        // The server filters (addressbook-query), so only candidates are downloaded; the plugin then checks the
        // field itself. Names are matched in FN (the whole name as shown) and NICKNAME; for the structured ORG the
        // server is only asked for cards that have one: Radicale 3.1 fails a text-match on a structured property
        // (N, ORG) with HTTP 500.
        String query = args.query().strip();
        List<CardDav.Match> matches = new ArrayList<>();
        if (args.field() == Field.ANY || args.field() == Field.NAME) {
            matches.add(CardDav.Match.contains("FN", query));
            matches.add(CardDav.Match.contains("NICKNAME", query));
        }
        if (args.field() == Field.ANY || args.field() == Field.EMAIL) {
            matches.add(CardDav.Match.contains("EMAIL", query));
        }
        if (args.field() == Field.ANY || args.field() == Field.PHONE) {
            matches.add(CardDav.Match.contains("TEL", query));
        }
        if (args.field() == Field.ANY || args.field() == Field.ORGANIZATION) {
            matches.add(CardDav.Match.defined("ORG"));
        }
        CardDav dav = CardDav.of(call);
        List<Contact> found = new ArrayList<>();
        for (AddressBook book : dav.addressBooks("addressBooks", args.addressBooks())) {
            dav.query(book, matches).stream().map(Contact::of).filter(c -> matches(c, args.field(), query))
                    .forEach(found::add);
        }
        found.sort(BY_NAME);
        return new Found(found.stream().limit(args.limit()).toList(), found.size());
    }

    private static boolean matches(Contact contact, Field field, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        java.util.function.Predicate<String> has = text -> text != null && text.toLowerCase(Locale.ROOT).contains(needle);
        boolean name = has.test(contact.fullName()) || contact.nickname().filter(has).isPresent();
        boolean email = contact.emails().stream().anyMatch(e -> has.test(e.value()));
        boolean phone = contact.phones().stream().anyMatch(p -> has.test(p.value()));
        boolean organization = contact.organization().filter(has).isPresent();
        return switch (field) {
            case ANY -> name || email || phone || organization;
            case NAME -> name;
            case EMAIL -> email;
            case PHONE -> phone;
            case ORGANIZATION -> organization;
        };
    }

    private Contact get(GetContact args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        return Contact.of(dav.byUid(dav.addressBook("addressBook", args.addressBook()), args.uid()));
    }

    private Contact create(CreateContact args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        AddressBook book = writable(dav.addressBook("addressBook", args.addressBook()));
        VCard card = new VCard(VCardVersion.V4_0);
        String uid = UUID.randomUUID().toString();
        card.setUid(new Uid("urn:uuid:" + uid));
        StructuredName name = new StructuredName();
        name.setGiven(args.givenName().orElse(null));
        name.setFamily(args.familyName().orElse(null));
        args.middleName().filter(s -> !s.isBlank()).ifPresent(name.getAdditionalNames()::add);
        args.prefix().filter(s -> !s.isBlank()).ifPresent(name.getPrefixes()::add);
        args.suffix().filter(s -> !s.isBlank()).ifPresent(name.getSuffixes()::add);
        card.setStructuredName(name);
        String shown = args.fullName().filter(s -> !s.isBlank()).orElseGet(() -> String.join(" ", java.util.stream.Stream
                .of(args.prefix(), args.givenName(), args.middleName(), args.familyName(), args.suffix())
                .flatMap(Optional::stream).filter(s -> !s.isBlank()).toList()));
        card.setFormattedName(shown.isBlank() ? args.organization().orElse("") : shown);
        emails(card, args.emails());
        phones(card, args.phones());
        addresses(card, args.addresses());
        args.organization().filter(s -> !s.isBlank()).ifPresent(card::setOrganization);
        args.title().filter(s -> !s.isBlank()).ifPresent(card::addTitle);
        args.birthday().ifPresent(card::setBirthday);
        args.notes().filter(s -> !s.isBlank()).ifPresent(card::addNote);
        groups(card, args.groups());
        String href = CardDav.newHref(book, uid);
        Optional<String> etag = dav.put(href, card, true, Optional.empty(), "the new contact", () -> JsonValue.NULL);
        return Contact.of(new Card(book, href, etag, card));
    }

    private Contact update(UpdateContact args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        AddressBook book = writable(dav.addressBook("addressBook", args.addressBook()));
        Card stored = dav.byUid(book, args.uid());
        VCard card = stored.vcard();
        args.fullName().filter(s -> !s.isBlank()).ifPresent(card::setFormattedName);
        if (args.givenName().isPresent() || args.familyName().isPresent()) {
            StructuredName name = Optional.ofNullable(card.getStructuredName()).orElseGet(StructuredName::new);
            args.givenName().ifPresent(name::setGiven);
            args.familyName().ifPresent(name::setFamily);
            card.setStructuredName(name);
        }
        if (args.emails().isPresent()) {
            card.removeProperties(Email.class);
            emails(card, args.emails().get());
        }
        if (args.phones().isPresent()) {
            card.removeProperties(Telephone.class);
            phones(card, args.phones().get());
        }
        if (args.addresses().isPresent()) {
            card.removeProperties(Address.class);
            addresses(card, args.addresses().get());
        }
        args.organization().ifPresent(o -> {
            card.removeProperties(Organization.class);
            if (!o.isBlank()) {
                card.setOrganization(o);
            }
        });
        args.title().ifPresent(t -> {
            card.removeProperties(Title.class);
            if (!t.isBlank()) {
                card.addTitle(t);
            }
        });
        if (args.birthday().isPresent()) {
            card.removeProperties(Birthday.class);
            if (!args.birthday().get().isBlank()) {
                try {
                    card.setBirthday(LocalDate.parse(args.birthday().get().strip()));
                } catch (DateTimeParseException e) {
                    throw invalidArgument("'birthday' must be a date YYYY-MM-DD, or empty to remove it.");
                }
            }
        }
        args.notes().ifPresent(n -> {
            card.removeProperties(Note.class);
            if (!n.isBlank()) {
                card.addNote(n);
            }
        });
        if (args.groups().isPresent()) {
            card.removeProperties(Categories.class);
            groups(card, args.groups().get());
        }
        if (card.getFormattedName() == null) {
            card.setFormattedName(new FormattedName(""));
        }
        Optional<Etag> ifMatch = args.etag().flatMap(Etag::parse).or(() -> stored.etag().flatMap(Etag::parse));
        Optional<String> etag = dav.put(stored.href(), card, false, ifMatch, "contact " + args.uid(),
                () -> current(dav, book, args.uid()));
        return Contact.of(new Card(book, stored.href(), etag, card));
    }

    private ContactDeleted delete(DeleteContact args, ToolInvocation call) throws ToolException {
        CardDav dav = CardDav.of(call);
        AddressBook book = writable(dav.addressBook("addressBook", args.addressBook()));
        Card stored = dav.byUid(book, args.uid());
        dav.delete(stored.href(), args.etag().flatMap(Etag::parse), "contact " + args.uid(),
                () -> current(dav, book, args.uid()));
        return new ContactDeleted(book.id(), args.uid());
    }

    private static AddressBook writable(AddressBook book) throws ToolException {
        if (book.readOnly()) {
            throw ToolException.permissionDenied("Address book " + book.id() + " is read-only for this user. Choose "
                    + "another one (nc_contacts_list_address_books).");
        }
        return book;
    }

    private static JsonValue current(CardDav dav, AddressBook book, String uid) {
        try {
            return RecordJson.of(Contact.of(dav.byUid(book, uid)));
        } catch (ToolException gone) {
            return JsonValue.NULL;
        }
    }

    private static void emails(VCard card, List<EmailInput> emails) {
        for (EmailInput input : emails) {
            Email email = new Email(input.address().strip());
            input.type().filter(t -> !t.isBlank()).ifPresent(t -> email.getParameters().addType(t.strip()));
            card.addEmail(email);
        }
    }

    private static void phones(VCard card, List<PhoneInput> phones) {
        for (PhoneInput input : phones) {
            Telephone phone = new Telephone(input.number().strip());
            input.type().filter(t -> !t.isBlank()).ifPresent(t -> phone.getParameters().addType(t.strip()));
            card.addTelephoneNumber(phone);
        }
    }

    private static void addresses(VCard card, List<AddressInput> addresses) {
        for (AddressInput input : addresses) {
            Address address = new Address();
            input.street().ifPresent(address::setStreetAddress);
            input.city().ifPresent(address::setLocality);
            input.region().ifPresent(address::setRegion);
            input.postalCode().ifPresent(address::setPostalCode);
            input.country().ifPresent(address::setCountry);
            input.type().filter(t -> !t.isBlank()).ifPresent(t -> address.getParameters().addType(t.strip()));
            card.addAddress(address);
        }
    }

    private static void groups(VCard card, List<String> groups) {
        List<String> names = groups.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        if (!names.isEmpty()) {
            Categories categories = new Categories();
            categories.getValues().addAll(names);
            card.setCategories(categories);
        }
    }
}
