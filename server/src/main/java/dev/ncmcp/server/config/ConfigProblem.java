package dev.ncmcp.server.config;

/** A configuration mistake; the message names the key and its environment variable. Stops startup. */
public final class ConfigProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigProblem(String message) {
        super(message);
    }

    /** {@code nextcloud.url} → {@code NEXTCLOUD_URL}, the variable that overrides the key. */
    public static String variable(String key) {
        return key.replace('.', '_').toUpperCase(java.util.Locale.ROOT).replace("-", "_dash_");
    }

    static ConfigProblem forKey(String key, String problem) {
        return new ConfigProblem(key + " (" + variable(key) + "): " + problem);
    }
}
