package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ConfigKey;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.stream.Stream;

/** The user's Nextcloud files over WebDAV: list, read, write, create folders, delete, move, copy, search, favorites. */
public final class FilesPlugin implements NextcloudPlugin {

    public static final Scope READ = Scope.read("files");
    public static final Scope WRITE = Scope.write("files");

    static final ConfigKey READ_LIMIT = ConfigKey.integer("read.limit", 5L * 1024 * 1024, 1, 1L << 30,
            "The largest file, in bytes, that nc_files_read_file passes on; larger files are refused as too large");

    private volatile List<ToolDefinition> tools;

    @Override
    public String id() {
        return "files";
    }

    @Override
    public String description() {
        return "Nextcloud files over WebDAV: browse, read, write, organise, search and favorites";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "List, read and search your Nextcloud files and see your favorites"),
                new ScopeDefinition(WRITE, "Create, change, move, copy and delete your Nextcloud files and folders"));
    }

    @Override
    public List<ConfigKey> configuration() {
        return List.of(READ_LIMIT);
    }

    @Override
    public void init(PluginContext context) {
        tools = Stream.of(new BrowseTools(context.config().integer(READ_LIMIT.name())).tools(),
                new FindTools().tools(), new WriteTools().tools(), new OrganizeTools().tools())
                .flatMap(List::stream).toList();
    }

    @Override
    public List<ToolDefinition> tools() {
        if (tools == null) {
            throw new IllegalStateException("the files plugin has no tools before init(PluginContext): they depend on "
                    + "its configuration (" + READ_LIMIT.path(id()) + ")");
        }
        return tools;
    }
}
