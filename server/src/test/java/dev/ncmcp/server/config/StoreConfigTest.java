package dev.ncmcp.server.config;

import dev.ncmcp.server.store.Keyring;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreConfigTest {

    static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }

    @Test
    void defaultsToSqliteInTheDataDirectory() {
        StoreConfig config = StoreConfig.from(config(Map.of()));
        Path data = Path.of("data").toAbsolutePath();
        assertThat(config.data(), is(data));
        assertThat(config.url(), is("jdbc:sqlite:" + data.resolve("ncmcp.db")));
        assertThat(config.pool(), is(10));
        assertThat(config.purge(), is(Duration.ofSeconds(300)));
        assertThat(config.keys() == null, is(true));
        assertThat(config.postgresql(), is(false));
    }

    @Test
    void readsEveryKey() {
        String keys = "k2:" + Keyring.generateKey() + ",k1:" + Keyring.generateKey();
        StoreConfig config = StoreConfig.from(config(Map.of("store.url", "jdbc:postgresql://db/ncmcp",
                "store.user", "u", "store.password", "pw", "store.pool", "20", "store.data", "/var/lib/ncmcp",
                "store.keys", keys, "store.purge", "0")));
        assertThat(config.url(), is("jdbc:postgresql://db/ncmcp"));
        assertThat(config.user(), is("u"));
        assertThat(config.password(), is("pw"));
        assertThat(config.pool(), is(20));
        assertThat(config.data(), is(Path.of("/var/lib/ncmcp")));
        assertThat(config.purge(), is(Duration.ZERO));
        assertThat(Keyring.parse(config.keys(), "t").kids(), is(java.util.List.of("k2", "k1")));
        assertThat(config.toString(), not(containsString("pw")));
        assertThat(config.toString(), not(containsString(keys.substring(3, 20))));
    }

    @Test
    void postgresqlWithoutKeysIsAStartupError() {
        ConfigProblem e = assertThrows(ConfigProblem.class,
                () -> StoreConfig.from(config(Map.of("store.url", "jdbc:postgresql://db/ncmcp"))));
        assertThat(e.getMessage(), containsString("store.keys (STORE_KEYS)"));
        assertThat(e.getMessage(), containsString("replica"));
    }

    @Test
    void badValuesNameTheKey() {
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.url",
                "jdbc:mysql://x/y")))).getMessage(), containsString("store.url (STORE_URL)"));
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.pool", "0"))))
                .getMessage(), containsString("store.pool (STORE_POOL)"));
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.purge", "soon"))))
                .getMessage(), containsString("store.purge (STORE_PURGE)"));
    }

    @Test
    void malformedKeyringNamesTheEntryNotTheKey() {
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        ConfigProblem e = assertThrows(ConfigProblem.class,
                () -> StoreConfig.from(config(Map.of("store.keys", "k1:" + shortKey))));
        assertThat(e.getMessage(), containsString("store.keys (STORE_KEYS)"));
        assertThat(e.getMessage(), containsString("'k1' must be 32 bytes"));
        assertThat(e.getMessage(), not(containsString(shortKey)));
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.keys",
                "no-colon")))).getMessage(), containsString("entry 1 is not kid:base64key"));
        String key = Keyring.generateKey();
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.keys",
                "a:" + key + ",a:" + key)))).getMessage(), containsString("'a' appears twice"));
        assertThat(assertThrows(ConfigProblem.class, () -> StoreConfig.from(config(Map.of("store.keys",
                "a.b:" + key)))).getMessage(), containsString("entry 1: a key id"));
    }
}
