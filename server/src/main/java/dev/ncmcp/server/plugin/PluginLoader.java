package dev.ncmcp.server.plugin;

import dev.ncmcp.spi.NextcloudPlugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins: {@link ServiceLoader} on the server's class path, then every {@code *.jar} in the
 * plugins directory, each in its own {@link PluginClassLoader}. Any failure names the jar.
 */
final class PluginLoader {

    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());

    private PluginLoader() {
    }

    static List<LoadedPlugin> load(Path directory) {
        List<LoadedPlugin> plugins = new ArrayList<>(fromClasspath());
        if (directory != null) {
            plugins.addAll(fromDirectory(directory));
        }
        return plugins;
    }

    private static List<LoadedPlugin> fromClasspath() {
        ClassLoader serverLoader = PluginLoader.class.getClassLoader();
        List<LoadedPlugin> found = new ArrayList<>();
        try {
            for (NextcloudPlugin plugin : ServiceLoader.load(NextcloudPlugin.class, serverLoader)) {
                found.add(LoadedPlugin.fromClasspath(plugin));
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException("classpath: cannot instantiate a NextcloudPlugin provider: " + e.getMessage(), e);
        }
        return found;
    }

    private static List<LoadedPlugin> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.log(System.Logger.Level.INFO, "Plugins directory {0} does not exist; only classpath plugins are used",
                    directory);
            return List.of();
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot list plugins directory " + directory + ": " + e.getMessage(), e);
        }
        List<LoadedPlugin> found = new ArrayList<>();
        for (Path jar : jars) {
            found.addAll(fromJar(jar));
        }
        return found;
    }

    private static List<LoadedPlugin> fromJar(Path jar) {
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar.toUri().toURL(), PluginLoader.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new PluginLoadException(jar + ": not a loadable jar path", e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            List<LoadedPlugin> found = new ArrayList<>();
            for (NextcloudPlugin plugin : ServiceLoader.load(NextcloudPlugin.class, loader)) {
                found.add(new LoadedPlugin(plugin, jar.toString(), loader));
            }
            if (found.isEmpty()) {
                throw new PluginLoadException(jar + ": no " + NextcloudPlugin.class.getName() + " provider (expected "
                        + "META-INF/services/" + NextcloudPlugin.class.getName() + " in the jar)");
            }
            return found;
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginLoadException(jar + ": cannot instantiate its NextcloudPlugin provider: " + e.getMessage()
                    + " (a plugin may depend only on the ncmcp SPI and the JDK, or bundle its libraries)", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
