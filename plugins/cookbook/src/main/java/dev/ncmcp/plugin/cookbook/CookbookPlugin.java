package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Nextcloud Cookbook: the caller's schema.org recipes, their categories and keywords, imports and settings. */
public final class CookbookPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("cookbook");
    static final Scope WRITE = Scope.write("cookbook");

    private final List<ToolDefinition> tools = Stream.of(new RecipeTools().definitions(),
            new CatalogTools().definitions(), new SettingsTools().definitions()).flatMap(List::stream).toList();

    @Override
    public String id() {
        return "cookbook";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("cookbook");
    }

    @Override
    public String description() {
        return "Nextcloud Cookbook: find, read, write, import and delete recipes; categories, keywords and settings";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "Read your Nextcloud Cookbook recipes, categories, keywords and settings"),
                new ScopeDefinition(WRITE, "Create, import, change and delete recipes and change Cookbook settings"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }
}
