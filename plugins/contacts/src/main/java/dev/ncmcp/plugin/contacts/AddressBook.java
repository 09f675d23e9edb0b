package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An address book of the user as the tools show it. */
record AddressBook(
        @Description("The address book's id (the last segment of its URL); pass it as 'addressBook'") String id,
        @Description("Display name") String name,
        @Description("Description") Optional<String> description,
        @Description("true when the user may not change it (the system address book of all accounts, shares)")
        boolean readOnly,
        @Description("The address book's DAV path") String href) {

    static final QName ADDRESSBOOK = QName.carddav("addressbook");
    static final QName DESCRIPTION = QName.carddav("addressbook-description");
    static final QName PRIVILEGES = QName.dav("current-user-privilege-set");
    static final List<QName> PROPERTIES = List.of(QName.dav("resourcetype"), QName.dav("displayname"), DESCRIPTION,
            PRIVILEGES);
    private static final Set<String> WRITE_PRIVILEGES = Set.of("all", "write", "write-content", "bind");

    static boolean isAddressBook(DavEntry entry) {
        return entry.resourceTypes().contains(ADDRESSBOOK);
    }

    static AddressBook of(DavEntry entry) {
        String href = entry.href().endsWith("/") ? entry.href() : entry.href() + "/";
        String id = href.substring(href.lastIndexOf('/', href.length() - 2) + 1, href.length() - 1);
        boolean readOnly = entry.element(PRIVILEGES).map(set -> set.children().stream()
                .flatMap(privilege -> privilege.children().stream()).map(XmlElement::name)
                .noneMatch(name -> WRITE_PRIVILEGES.contains(name.name())))
                .orElse(id.startsWith("z-server-generated--") || id.startsWith("z-app-generated--"));
        return new AddressBook(id, entry.dav("displayname").filter(n -> !n.isBlank()).orElse(id),
                entry.property(DESCRIPTION).filter(d -> !d.isBlank()), readOnly, href);
    }
}
