package dev.ncmcp.server.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * One class loader per external plugin jar. Its parent is the platform loader, so the plugin sees
 * the JDK and its own jar only — except the SPI packages, which are loaded parent-first from the
 * server so plugin and server share the contract's classes (JSON-P's provider lookup goes through the
 * thread context loader, so the implementation behind the API is shared too). Two plugins can therefore bring
 * different versions of the same library without clashing.
 */
final class PluginClassLoader extends URLClassLoader {

    /** The contract, the JSON-P API it exposes, and the JSON-P implementation behind that API. */
    private static final List<String> SPI_PACKAGES = List.of("dev.ncmcp.spi.", "jakarta.json.", "org.eclipse.parsson.");
    private static final List<String> SPI_RESOURCES = List.of("dev/ncmcp/spi/", "jakarta/json/",
            "META-INF/services/jakarta.json.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader spiLoader;

    PluginClassLoader(URL jar, ClassLoader spiLoader) {
        super(jar.toString(), new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isSpi(name, SPI_PACKAGES)) {
            Class<?> type = spiLoader.loadClass(name);
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isSpi(name, SPI_RESOURCES) ? spiLoader.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isSpi(name, SPI_RESOURCES) ? spiLoader.getResources(name) : super.getResources(name);
    }

    private static boolean isSpi(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
