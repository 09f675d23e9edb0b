package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's Nextcloud files over WebDAV: list, read, write, create folders, delete, move, copy,
 * search and favorites.
 *
 * <p>The largest file {@code nc_files_read_file} passes on is 5 MiB unless the system property
 * {@value #MAX_READ_PROPERTY} or the environment variable {@value #MAX_READ_ENV} says otherwise.
 */
public final class FilesPlugin implements NextcloudPlugin {

    public static final Scope READ = Scope.read("files");
    public static final Scope WRITE = Scope.write("files");

    public static final long DEFAULT_MAX_READ_BYTES = 5L * 1024 * 1024;
    public static final String MAX_READ_PROPERTY = "ncmcp.files.max-read-bytes";
    public static final String MAX_READ_ENV = "NCMCP_FILES_MAX_READ_BYTES";

    private final List<ToolDefinition> tools;

    /** The plugin as {@link java.util.ServiceLoader} creates it. */
    public FilesPlugin() {
        this(configuredMaxReadBytes());
    }

    /** @param maxReadBytes the largest file {@code nc_files_read_file} returns */
    public FilesPlugin(long maxReadBytes) {
        if (maxReadBytes < 1) {
            throw new IllegalArgumentException("maxReadBytes must be positive, was " + maxReadBytes);
        }
        List<ToolDefinition> all = new ArrayList<>(new BrowseTools(maxReadBytes).tools());
        all.addAll(new ChangeTools().tools());
        this.tools = List.copyOf(all);
    }

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
    public List<ToolDefinition> tools() {
        return tools;
    }

    static long configuredMaxReadBytes() {
        String value = System.getProperty(MAX_READ_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(MAX_READ_ENV);
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_READ_BYTES;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 1) {
                throw new IllegalArgumentException(MAX_READ_PROPERTY + " / " + MAX_READ_ENV
                        + " must be a positive number of bytes, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_READ_PROPERTY + " / " + MAX_READ_ENV
                    + " must be a number of bytes, was " + value, e);
        }
    }
}
