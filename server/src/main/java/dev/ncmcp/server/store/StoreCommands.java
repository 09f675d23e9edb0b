package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;
import io.helidon.config.Config;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maintenance commands: {@code java -jar ncmcp-server.jar store rotate-keys} and {@code … store purge}.
 *
 * <h2>Rotating the encryption key</h2>
 * Every secret is stored as {@code v1.<kid>.<data>}; the first key of {@code store.keys} encrypts, every key
 * in it decrypts. To replace a key:
 * <ol>
 *   <li>Generate a key ({@code openssl rand -base64 32}) and put it FIRST in {@code STORE_KEYS}, keeping the
 *       old ones: {@code STORE_KEYS=k2:NEW,k1:OLD}. With the embedded default (no {@code STORE_KEYS}), the
 *       old key is the content of {@code <data>/store.key} ({@code local1:…}): either set
 *       {@code STORE_KEYS=k2:NEW,local1:OLD}, or put the new entry on the first line of the key file.</li>
 *   <li>Restart every replica: new values are encrypted with the new key, old ones still decrypt.</li>
 *   <li>Run {@code store rotate-keys} once (any replica, while the others keep running): it re-encrypts
 *       every secret column with the first key, in batches of rows, each batch one transaction, and prints
 *       the counts. It can be run again safely; a second run re-encrypts nothing.</li>
 *   <li>Remove the old key from {@code STORE_KEYS} and restart. A value still under a removed key fails to
 *       decrypt with an error naming its kid.</li>
 * </ol>
 * Short-lived rows (codes, pending authorizations) may also simply expire instead.
 */
public final class StoreCommands {

    static final int BATCH = 500;

    private StoreCommands() {
    }

    /**
     * Runs {@code store rotate-keys} or {@code store purge} (the leading {@code store} is optional; options such
     * as {@code --config FILE} are ignored here). Prints to standard output.
     *
     * @return the process exit code: 0 done, 1 failed, 2 usage
     */
    public static int run(String[] args, Config config) {
        return run(args, config, System.out, System.err);
    }

    static int run(String[] args, Config config, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++;
            } else if (!args[i].startsWith("--")) {
                words.add(args[i]);
            }
        }
        if (!words.isEmpty() && words.getFirst().equals("store")) {
            words.removeFirst();
        }
        if (words.size() != 1 || !List.of("rotate-keys", "purge").contains(words.getFirst())) {
            err.println("usage: store rotate-keys | store purge");
            return 2;
        }
        try {
            StoreConfig storeConfig = StoreConfig.from(config);
            try (JdbcStore store = JdbcStore.open(storeConfig)) {
                if (words.getFirst().equals("rotate-keys")) {
                    KeyRotation.Result result = store.rotateKeys(BATCH);
                    for (Map.Entry<String, Integer> entry : result.reencrypted().entrySet()) {
                        out.println("  " + entry.getKey() + ": " + entry.getValue());
                    }
                    out.println("store rotate-keys: re-encrypted " + result.total() + " values with key '"
                            + store.keyring().primaryKid() + "' in " + result.batches() + " transactions");
                } else {
                    Map<String, Integer> counts = store.purgeCounts(Instant.now());
                    counts.forEach((table, n) -> out.println("  " + table + ": " + n));
                    out.println("store purge: deleted " + counts.values().stream().mapToInt(Integer::intValue).sum()
                            + " expired rows");
                }
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("store " + words.getFirst() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
