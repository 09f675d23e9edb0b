package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;

/** Nextcloud Notes: read, search and edit the caller's markdown notes. */
public final class NotesPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("notes");
    static final Scope WRITE = Scope.write("notes");

    private final NotesTools tools = new NotesTools();
    private final NotesResources resources = new NotesResources();

    @Override
    public String id() {
        return "notes";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("notes");
    }

    @Override
    public String description() {
        return "Nextcloud Notes: list, search, read, create, edit and delete markdown notes and read their attachments";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "Read your Nextcloud notes, their attachments and your Notes settings"),
                new ScopeDefinition(WRITE, "Create, change and delete your Nextcloud notes"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools.definitions();
    }

    @Override
    public List<ResourceDefinition> resources() {
        return resources.fixed();
    }

    @Override
    public List<ResourceTemplateDefinition> resourceTemplates() {
        return resources.templates();
    }
}
