package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;
import dev.ncmcp.testkit.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** The store contract on a real PostgreSQL server (a fresh database per test). */
class PostgresStoreTest extends StoreContract {

    private static Postgres postgres;

    @TempDir
    static Path data;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = Postgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    StoreConfig freshDatabase(String keys, int pool) throws Exception {
        String url = postgres.createDatabase();
        return new StoreConfig(url, postgres.user(), postgres.password(), pool,
                data.resolve(url.substring(url.lastIndexOf('/') + 1)), keys, Duration.ofMinutes(5));
    }
}
