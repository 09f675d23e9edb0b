package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Run in a child JVM by {@link StoreContract}: commits one grant, then dies (halt, no shutdown hooks, no
 * connection close) in the middle of a second transaction. Arguments: url user password data keys.
 */
public final class CrashWriter {

    public static void main(String[] args) {
        StoreConfig config = new StoreConfig(args[0], blank(args[1]), blank(args[2]), 2, Path.of(args[3]), args[4],
                Duration.ZERO);
        JdbcStore store = JdbcStore.open(config);
        store.appPasswords().save(new AppPasswords.Grant("committed", "nc", "pw-1", Set.of("a:read"), Instant.now()));
        store.jdbc().transaction("crash", c -> {
            Jdbc.execute(c, "UPDATE app_passwords SET nextcloud_user = ? WHERE subject = ?", "half-written",
                    "committed");
            Jdbc.execute(c, "INSERT INTO idp_clients (issuer, client_id, created_at) VALUES (?, ?, ?)",
                    "https://uncommitted", "c", 0L);
            System.out.println("in the middle");
            System.out.flush();
            Runtime.getRuntime().halt(3);
            return null;
        });
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
