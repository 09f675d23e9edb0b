package dev.ncmcp.server.config;

import io.helidon.config.Config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the store lives and how its secrets are encrypted ({@code store.*}), read once at startup.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@code store.url} ({@code STORE_URL})</td><td>JDBC URL; default {@code jdbc:sqlite:<data>/ncmcp.db};
 *       {@code jdbc:postgresql://host/db} for several replicas</td></tr>
 *   <tr><td>{@code store.user}, {@code store.password}</td><td>database login (PostgreSQL)</td></tr>
 *   <tr><td>{@code store.pool}</td><td>largest number of pooled connections, default 10</td></tr>
 *   <tr><td>{@code store.data} ({@code STORE_DATA})</td><td>directory of the default SQLite file and the
 *       generated key file, default {@code ./data}</td></tr>
 *   <tr><td>{@code store.keys} ({@code STORE_KEYS})</td><td>keyring {@code kid1:base64key1,kid2:base64key2}:
 *       the first key encrypts, all decrypt; required with PostgreSQL; without it the embedded SQLite
 *       default generates {@code <data>/store.key} (mode 0600)</td></tr>
 *   <tr><td>{@code store.purge}</td><td>seconds between purges of expired rows, default 300, 0 = never</td></tr>
 * </table>
 *
 * @param url      the JDBC URL
 * @param user     database user, or null
 * @param password database password (never logged), or null
 * @param pool     maximum pool size
 * @param data     the data directory (absolute)
 * @param keys     the keyring text (never logged), or null for the generated key file
 * @param purge    interval of the purge task; {@link Duration#ZERO} disables it
 */
public record StoreConfig(String url, String user, String password, int pool, Path data, String keys,
                          Duration purge) {

    public static final String SQLITE = "jdbc:sqlite:";
    public static final String POSTGRESQL = "jdbc:postgresql:";

    public StoreConfig {
        if (url == null || !(url.startsWith(SQLITE) || url.startsWith(POSTGRESQL))) {
            throw problem("store.url", "expected a jdbc:sqlite: or jdbc:postgresql: URL, got '" + redactUrl(url) + "'");
        }
        if (pool < 1) {
            throw problem("store.pool", "must be at least 1, got " + pool);
        }
        data = data.toAbsolutePath().normalize();
        if (keys != null && keys.isBlank()) {
            keys = null;
        }
        if (keys != null) {
            // fails naming the key and the entry, never the key material
            KeyringText.parse(keys, "store.keys (" + ConfigProblem.variable("store.keys") + ")");
        } else if (url.startsWith(POSTGRESQL)) {
            throw problem("store.keys", "PostgreSQL needs the encryption keyring in configuration, because every "
                    + "replica must decrypt what the others wrote: set STORE_KEYS to kid:base64key (32 random bytes, "
                    + "e.g. k1:$(openssl rand -base64 32)), the same on every replica");
        }
        if (purge == null || purge.isNegative()) {
            throw problem("store.purge", "must be zero (never) or a positive number of seconds");
        }
    }

    /** The embedded default: an SQLite file and a generated key file in {@code data}. */
    public static StoreConfig sqlite(Path data) {
        Path dir = data.toAbsolutePath().normalize();
        return new StoreConfig(SQLITE + dir.resolve("ncmcp.db"), null, null, 10, dir, null, Duration.ofMinutes(5));
    }

    /** Reads {@code store.*} from the root configuration. */
    public static StoreConfig from(Config root) {
        Path data;
        String dataText = text(root, "store.data").orElse("data");
        try {
            data = Path.of(dataText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw problem("store.data", "not a directory path: '" + dataText + "'");
        }
        String url = text(root, "store.url").orElse(SQLITE + data.resolve("ncmcp.db"));
        return new StoreConfig(url, text(root, "store.user").orElse(null), text(root, "store.password").orElse(null),
                integer(root, "store.pool", 10, 1, 1000), data, text(root, "store.keys").orElse(null),
                Duration.ofSeconds(integer(root, "store.purge", 300, 0, 7 * 86_400)));
    }

    /** Whether this is the PostgreSQL (several replicas) setup. */
    public boolean postgresql() {
        return url.startsWith(POSTGRESQL);
    }

    /** The SQLite database file, or null for PostgreSQL and special SQLite URLs (memory, file: URIs). */
    public Path sqliteFile() {
        if (postgresql()) {
            return null;
        }
        String rest = url.substring(SQLITE.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("file:")) {
            return null;
        }
        return Path.of(rest).toAbsolutePath();
    }

    private static Optional<String> text(Config root, String key) {
        return root.get(key).asString().filter(value -> !value.isBlank()).map(String::strip);
    }

    private static int integer(Config root, String key, int defaultValue, int min, int max) {
        Optional<String> value = text(root, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw problem(key, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw problem(key, "expected a whole number, got '" + value.get() + "'");
        }
    }

    static ConfigProblem problem(String key, String message) {
        return new ConfigProblem(key + " (" + ConfigProblem.variable(key) + "): " + message);
    }

    /** A JDBC URL may carry a password parameter: show only up to the query. */
    public static String redactUrl(String url) {
        if (url == null) {
            return "";
        }
        int query = url.indexOf('?');
        String lower = url.toLowerCase(Locale.ROOT);
        return query >= 0 && lower.contains("password") ? url.substring(0, query) + "?…" : url;
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + redactUrl(url) + ", user=" + user + ", password="
                + (password == null ? "(none)" : "(set)") + ", pool=" + pool + ", data=" + data + ", keys="
                + (keys == null ? "(key file)" : "(set)") + ", purge=" + purge + "]";
    }
}
