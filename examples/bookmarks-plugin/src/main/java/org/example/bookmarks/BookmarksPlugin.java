package org.example.bookmarks;

import dev.ncmcp.spi.ConfigKey;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;

/** Nextcloud Bookmarks: find and add the user's bookmarks. */
public final class BookmarksPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("bookmarks");
    static final Scope WRITE = Scope.write("bookmarks");

    private List<ToolDefinition> tools;

    @Override
    public String id() {
        return "bookmarks";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("bookmarks");
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(new ScopeDefinition(READ, "Read your Nextcloud bookmarks"),
                new ScopeDefinition(WRITE, "Add bookmarks to your Nextcloud"));
    }

    @Override
    public List<ConfigKey> configuration() {
        return List.of(ConfigKey.integer("results.max", 50, 1, 500, "The most bookmarks one search returns"));
    }

    @Override
    public void init(PluginContext context) {
        tools = new BookmarkTools((int) context.config().integer("results.max")).definitions();
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }
}
