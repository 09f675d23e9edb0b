package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;

/** Nextcloud's files_sharing: shares of the caller's files with accounts, groups and public links. */
public final class SharingPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("sharing");
    static final Scope WRITE = Scope.write("sharing");

    private final List<ToolDefinition> tools = new ShareTools().definitions();

    @Override
    public String id() {
        return "sharing";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("files_sharing");
    }

    @Override
    public String description() {
        return "Nextcloud sharing: list, create, change and delete shares of your files with accounts, groups, "
                + "e-mail addresses and public links";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "See who your Nextcloud files are shared with and what is shared with you"),
                new ScopeDefinition(WRITE, "Share your Nextcloud files, create public links, change and end shares"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }
}
