package dev.ncmcp.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ncmcp.server.config.StoreConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

/**
 * The {@link Store} on JDBC: a HikariCP pool, Flyway migrations ({@code db/migration/V<n>__*.sql}) at
 * open, and one small repository per interface.
 *
 * <p>SQLite (the default): WAL journal, {@code synchronous=FULL} (every commit is on disk before it returns,
 * so neither a crashed process nor a power loss brings back a redeemed code), {@code busy_timeout} 10 s, foreign keys on, transactions begin {@code IMMEDIATE} so
 * writers queue instead of failing; SQLite allows one writer at a time. PostgreSQL: several replicas may
 * share one database; Flyway serialises their migrations with an advisory lock, and single-use values are
 * taken with {@code DELETE … RETURNING}, which only one transaction can win.
 */
public final class JdbcStore implements Store {

    private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());
    /**
     * HikariCP and Flyway narrate every start at INFO; the store logs one summary line instead. Their
     * loggers stay at WARNING unless logging configuration names a level for them (kept referenced here
     * so the level is not lost to garbage collection).
     */
    private static final List<java.util.logging.Logger> LIBRARY_LOGGERS = quiet("com.zaxxer.hikari", "org.flywaydb");

    private final HikariDataSource dataSource;
    private final Jdbc db;
    private final AppPasswords appPasswords;
    private final LoginFlows loginFlows;
    private final PendingAuthorizations pendingAuthorizations;
    private final AuthorizationCodes authorizationCodes;
    private final ClientRegistrations clientRegistrations;
    private final IdpClients idpClients;
    private final RefreshTokens refreshTokens;

    private JdbcStore(HikariDataSource dataSource, SecretBox box, Clock clock) {
        this.dataSource = dataSource;
        this.db = new Jdbc(dataSource, box);
        this.appPasswords = new JdbcAppPasswords(db);
        this.loginFlows = new JdbcLoginFlows(db);
        this.pendingAuthorizations = new JdbcPendingAuthorizations(db, clock);
        this.authorizationCodes = new JdbcAuthorizationCodes(db);
        this.clientRegistrations = new JdbcClientRegistrations(db);
        this.idpClients = new JdbcIdpClients(db);
        this.refreshTokens = new JdbcRefreshTokens(db);
    }

    /** Opens the pool, brings the schema up to date and returns the store; fails naming what is wrong. */
    public static JdbcStore open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    static JdbcStore open(StoreConfig config, Clock clock) {
        long start = System.nanoTime();
        prepareDataDirectory(config);
        Keyring keyring = Keyring.load(config);
        HikariDataSource dataSource = pool(config);
        try {
            migrate(dataSource, config);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.log(INFO, () -> "store open: " + StoreConfig.redactUrl(config.url()) + ", encryption key "
                + keyring.primaryKid() + " (" + keyring.kids().size() + " in keyring), "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return new JdbcStore(dataSource, new SecretBox(keyring), clock);
    }

    @Override
    public AppPasswords appPasswords() {
        return appPasswords;
    }

    @Override
    public LoginFlows loginFlows() {
        return loginFlows;
    }

    @Override
    public PendingAuthorizations pendingAuthorizations() {
        return pendingAuthorizations;
    }

    @Override
    public AuthorizationCodes authorizationCodes() {
        return authorizationCodes;
    }

    @Override
    public ClientRegistrations clientRegistrations() {
        return clientRegistrations;
    }

    @Override
    public IdpClients idpClients() {
        return idpClients;
    }

    @Override
    public RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    @Override
    public int purgeExpired(Instant now) {
        return purgeCounts(now).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Deletes expired rows in one transaction; returns the count per table. */
    Map<String, Integer> purgeCounts(Instant now) {
        long millis = now.toEpochMilli();
        return db.transaction("purge expired rows", c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : new String[] {"login_flows", "pending_authorizations", "authorization_codes",
                    "refresh_tokens", "used_refresh_tokens", "redeemed_codes", "revoked_token_families"}) {
                counts.put(table, Jdbc.execute(c, "DELETE FROM " + table + " WHERE expires_at <= ?", millis));
            }
            counts.put("client_registrations", Jdbc.execute(c,
                    "DELETE FROM client_registrations WHERE expires_at IS NOT NULL AND expires_at <= ?", millis));
            return counts;
        });
    }

    /** Re-encrypts every secret that is not under the first key (see {@link StoreCommands}). */
    KeyRotation.Result rotateKeys(int batchSize) {
        return new KeyRotation(db, batchSize).run();
    }

    /** The keyring in use (kids only in its {@code toString}). */
    public Keyring keyring() {
        return db.box.keyring();
    }

    DataSource dataSource() {
        return dataSource;
    }

    Jdbc jdbc() {
        return db;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void prepareDataDirectory(StoreConfig config) {
        Path sqlite = config.sqliteFile();
        try {
            if (config.keys() == null) {
                createPrivateDirectory(config.data());
            }
            if (sqlite != null && sqlite.getParent() != null) {
                createPrivateDirectory(sqlite.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory (store.data / STORE_DATA) "
                    + config.data() + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static HikariDataSource pool(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("ncmcp-store");
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.pool());
        hikari.setMinimumIdle(Math.min(2, config.pool()));
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        if (config.postgresql()) {
            hikari.setDriverClassName("org.postgresql.Driver");
            hikari.addDataSourceProperty("ApplicationName", "ncmcp");
        } else {
            hikari.setDriverClassName("org.sqlite.JDBC");
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "FULL");
            hikari.addDataSourceProperty("busy_timeout", "10000");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store at " + StoreConfig.redactUrl(config.url())
                    + " (store.url / STORE_URL): " + rootMessage(e), e);
        }
    }

    private static void migrate(DataSource dataSource, StoreConfig config) {
        try {
            MigrateResult result = Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table("schema_history")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.log(INFO, () -> "store schema migrated to version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations)");
            } else {
                LOG.log(DEBUG, () -> "store schema is up to date");
            }
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate the store schema at " + StoreConfig.redactUrl(config.url())
                    + ": " + rootMessage(e), e);
        }
    }

    private static List<java.util.logging.Logger> quiet(String... names) {
        List<java.util.logging.Logger> loggers = new java.util.ArrayList<>();
        for (String name : names) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(java.util.logging.Level.WARNING);
            }
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** A connection for tests that look at raw rows. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return "JdbcStore[" + StoreConfig.redactUrl(dataSource.getJdbcUrl()) + "]";
    }
}
