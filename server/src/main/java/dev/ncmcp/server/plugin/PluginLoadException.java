package dev.ncmcp.server.plugin;

/** A plugin cannot be loaded or conflicts with another; the message names the jar(s). Stops startup. */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
