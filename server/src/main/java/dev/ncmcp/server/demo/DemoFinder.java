package dev.ncmcp.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the demo Nextcloud: a {@link DemoNextcloud} provider in the jars of the demo directory, or on the class
 * path. The demo's jars get a class loader of their own whose parent is the server's, so they use the server's
 * Helidon and JSON libraries.
 */
public final class DemoFinder {

    private DemoFinder() {
    }

    /** The provider, or empty when neither {@code directory} nor the class path has one. */
    public static Optional<DemoNextcloud> find(Path directory) {
        return ServiceLoader.load(DemoNextcloud.class, classLoader(directory)).findFirst();
    }

    private static ClassLoader classLoader(Path directory) {
        ClassLoader server = DemoNextcloud.class.getClassLoader();
        if (!Files.isDirectory(directory)) {
            return server;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("demo directory " + directory + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the demo directory " + directory, e);
        }
        // lives as long as the demo, that is the process
        return new URLClassLoader("ncmcp-demo", jars.toArray(URL[]::new), server);
    }
}
