package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The user's address books and contacts over CardDAV: Nextcloud's, or any CardDAV server's. */
public final class ContactsPlugin implements NextcloudPlugin {

    public static final Scope READ = Scope.read("contacts");
    public static final Scope WRITE = Scope.write("contacts");

    private final List<ToolDefinition> tools = Stream.of(new AddressBookTools().tools(), new ContactTools().tools())
            .flatMap(List::stream).toList();

    @Override
    public String id() {
        return "contacts";
    }

    @Override
    public String description() {
        return "Nextcloud address books and contacts over CardDAV";
    }

    /** CardDAV is Nextcloud's dav app; its capability is present whenever address books are. */
    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("dav");
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(new ScopeDefinition(READ, "See and search your address books and contacts"),
                new ScopeDefinition(WRITE, "Create, change and delete your contacts and address books"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }
}
