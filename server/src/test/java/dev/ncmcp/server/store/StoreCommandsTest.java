package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

class StoreCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> config, String... args) {
        return StoreCommands.run(args, config(config),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rotateKeysReencryptsWithTheFirstKey() throws Exception {
        String a = "kA:" + Keyring.generateKey();
        String b = "kB:" + Keyring.generateKey();
        Map<String, String> withA = Map.of("store.data", dir.toString(), "store.keys", a);
        try (JdbcStore store = JdbcStore.open(StoreConfig.from(config(withA)))) {
            store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw", Set.of(), Instant.now()));
            store.idpClients().save(new IdpClients.Client("https://idp", "c", "s", null, null, Instant.now()));
        }
        Map<String, String> withBA = Map.of("store.data", dir.toString(), "store.keys", b + "," + a);
        assertThat(run(withBA, "store", "rotate-keys"), is(0));
        assertThat(out.toString(), containsString("re-encrypted 2 values with key 'kB'"));
        assertThat(out.toString(), containsString("app_passwords.app_password: 1"));

        Map<String, String> onlyB = Map.of("store.data", dir.toString(), "store.keys", b);
        try (JdbcStore store = JdbcStore.open(StoreConfig.from(config(onlyB)))) {
            assertThat(store.appPasswords().find("alice").orElseThrow().appPassword(), is("pw"));
            assertThat(store.idpClients().find("https://idp").orElseThrow().clientSecret(), is("s"));
        }
    }

    @Test
    void purgeDeletesExpiredRows() {
        Map<String, String> config = Map.of("store.data", dir.toString());
        try (JdbcStore store = JdbcStore.open(StoreConfig.from(config(config)))) {
            store.authorizationCodes().save("old", StoreContract.code(Instant.now().minusSeconds(5)));
        }
        assertThat(run(config, "store", "purge"), is(0));
        assertThat(out.toString(), containsString("store purge: deleted 1 expired rows"));
    }

    @Test
    void usageAndFailuresHaveExitCodes() {
        assertThat(run(Map.of(), "store", "frobnicate"), is(2));
        assertThat(err.toString(), containsString("usage: store rotate-keys | store purge"));
        assertThat(run(Map.of("store.url", "jdbc:postgresql://127.0.0.1:1/x"), "store", "rotate-keys"), is(1));
        assertThat(err.toString(), containsString("STORE_KEYS"));
    }

    private static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
