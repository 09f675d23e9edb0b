package dev.ncmcp.server.plugin;

import dev.ncmcp.spi.NextcloudPlugin;

import java.util.Objects;

/**
 * A plugin and where it came from.
 *
 * @param plugin the provider instance
 * @param origin {@code classpath} or the jar's path, used in every message about the plugin
 * @param loader the class loader the plugin's code runs under
 */
public record LoadedPlugin(NextcloudPlugin plugin, String origin, ClassLoader loader) {

    public LoadedPlugin {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(loader, "loader");
    }

    static LoadedPlugin fromClasspath(NextcloudPlugin plugin) {
        return new LoadedPlugin(plugin, "classpath", plugin.getClass().getClassLoader());
    }

    /** {@code notes (plugins/notes.jar)}: how messages name a plugin. */
    String label() {
        String id;
        try {
            id = plugin.id();
        } catch (RuntimeException e) {
            id = plugin.getClass().getName();
        }
        return id + " (" + origin + ")";
    }
}
