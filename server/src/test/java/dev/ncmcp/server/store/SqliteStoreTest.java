package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The store contract on an SQLite file, plus what only the embedded default does (the key file). */
class SqliteStoreTest extends StoreContract {

    private final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    StoreConfig freshDatabase(String keys, int pool) {
        Path data = dir.resolve("data" + databases.incrementAndGet());
        return new StoreConfig(StoreConfig.SQLITE + data.resolve("ncmcp.db"), null, null, pool, data, keys,
                Duration.ofMinutes(5));
    }

    @Test
    void usesWalJournal() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        assertThat(raw(store, "PRAGMA journal_mode"), is(List.of("wal")));
        assertThat(raw(store, "PRAGMA foreign_keys"), is(List.of("1")));
        assertThat(raw(store, "PRAGMA synchronous"), is(List.of("2"))); // FULL
    }

    @Test
    void generatesAPrivateKeyFileOnceAndKeepsIt() throws Exception {
        Path data = dir.resolve("embedded");
        StoreConfig config = StoreConfig.sqlite(data);
        JdbcStore store = open(config);
        Path keyFile = data.resolve(Keyring.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)), is("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), is("rwx------"));
        String key = Files.readString(keyFile);
        assertThat(key.startsWith("local1:"), is(true));
        store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw", Set.of(), NOW));
        store.close();

        JdbcStore again = open(config);
        assertThat(Files.readString(keyFile), is(key));
        assertThat(again.appPasswords().find("alice").orElseThrow().appPassword(), is("pw"));
        assertThat(raw(again, "SELECT app_password FROM app_passwords").getFirst().startsWith("v1.local1."), is(true));
        assertThat(Files.list(data).filter(p -> p.getFileName().toString().contains(".tmp-")).count(), is(0L));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path data = dir.resolve("loose");
        Files.createDirectories(data);
        Path keyFile = data.resolve(Keyring.KEY_FILE);
        Files.writeString(keyFile, "local1:" + Keyring.generateKey() + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        StoreException e = assertThrows(StoreException.class, () -> open(StoreConfig.sqlite(data)));
        assertThat(e.getMessage(), containsString(keyFile.toString()));
        assertThat(e.getMessage(), containsString("chmod 600"));
    }

    @Test
    void keyFileMayHoldSeveralKeysForRotation() throws Exception {
        Path data = dir.resolve("rotating");
        StoreConfig config = StoreConfig.sqlite(data);
        open(config).appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw", Set.of(), NOW));
        Path keyFile = data.resolve(Keyring.KEY_FILE);
        Files.writeString(keyFile, "local2:" + Keyring.generateKey() + "\n" + Files.readString(keyFile));
        JdbcStore rotated = open(config);
        assertThat(rotated.rotateKeys(100).total(), is(1));
        assertThat(raw(rotated, "SELECT app_password FROM app_passwords").getFirst().startsWith("v1.local2."),
                is(true));
        assertThat(rotated.appPasswords().find("alice").orElseThrow().appPassword(), is("pw"));
    }
}
