package dev.ncmcp.spi;

/** What a plugin receives once, before the server asks for its tools: its validated configuration. */
public interface PluginContext {

    /** The plugin's configuration keys ({@link NextcloudPlugin#configuration()}), validated and typed. */
    PluginConfig config();

    static PluginContext of(PluginConfig config) {
        return () -> config;
    }
}
