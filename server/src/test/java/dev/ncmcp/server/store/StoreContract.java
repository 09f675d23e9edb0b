package dev.ncmcp.server.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What every {@link Store} database must do; run against SQLite and a real PostgreSQL. */
abstract class StoreContract {

    static final String KEY_A = "kA:" + Keyring.generateKey();
    static final String KEY_B = "kB:" + Keyring.generateKey();
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    final List<JdbcStore> opened = new ArrayList<>();
    final MutableClock clock = new MutableClock(NOW);

    /** A config for a new, empty database with this keyring. */
    abstract StoreConfig freshDatabase(String keys, int pool) throws Exception;

    StoreConfig freshDatabase(String keys) throws Exception {
        return freshDatabase(keys, 4);
    }

    static StoreConfig withKeys(StoreConfig config, String keys) {
        return new StoreConfig(config.url(), config.user(), config.password(), config.pool(), config.data(), keys,
                config.purge());
    }

    static StoreConfig withPool(StoreConfig config, int pool) {
        return new StoreConfig(config.url(), config.user(), config.password(), pool, config.data(), config.keys(),
                config.purge());
    }

    JdbcStore open(StoreConfig config) {
        JdbcStore store = JdbcStore.open(config, clock);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcStore::close);
    }

    // ---- migrations

    @Test
    void migratesFromEmptyAndRestartIsIdempotent() throws Exception {
        StoreConfig config = freshDatabase(KEY_A);
        JdbcStore first = open(config);
        first.idpClients().save(new IdpClients.Client("https://idp", "c1", "s1", null, null, NOW));
        assertThat(appliedVersions(first), is(List.of("1")));
        first.close();

        JdbcStore again = open(config);
        assertThat(appliedVersions(again), is(List.of("1")));
        assertThat(again.idpClients().find("https://idp").orElseThrow().clientSecret(), is("s1"));
    }

    @Test
    void replicasStartingTogetherMigrateOnce() throws Exception {
        StoreConfig config = freshDatabase(KEY_A);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<JdbcStore>> starts = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return open(config);
                }));
            }
            go.countDown();
            for (Future<JdbcStore> start : starts) {
                assertThat(appliedVersions(start.get()), is(List.of("1")));
            }
        }
    }

    // ---- repositories

    @Test
    void appPasswordRoundTrip() throws Exception {
        AppPasswords repo = open(freshDatabase(KEY_A)).appPasswords();
        assertThat(repo.find("alice"), is(Optional.empty()));
        AppPasswords.Grant grant = new AppPasswords.Grant("alice", "alice-nc", "app-pw-1",
                Set.of("notes:read", "deck:write"), NOW);
        repo.save(grant);
        assertThat(repo.find("alice"), is(Optional.of(grant)));

        AppPasswords.Grant changed = new AppPasswords.Grant("alice", "alice-nc", "app-pw-2", Set.of("notes:read"),
                NOW.plusSeconds(5));
        repo.save(changed);
        assertThat(repo.find("alice"), is(Optional.of(changed)));
        assertThat(repo.delete("alice"), is(true));
        assertThat(repo.delete("alice"), is(false));
        assertThat(repo.find("alice"), is(Optional.empty()));
    }

    @Test
    void loginFlowRoundTrip() throws Exception {
        LoginFlows repo = open(freshDatabase(KEY_A)).loginFlows();
        LoginFlows.Session session = new LoginFlows.Session("bob", "poll-token", "https://nc/login/v2/poll",
                "https://nc/login/v2/flow/abc", Set.of("files:read"), NOW.plus(Duration.ofMinutes(20)));
        repo.save(session);
        assertThat(repo.find("bob"), is(Optional.of(session)));
        LoginFlows.Session second = new LoginFlows.Session("bob", "poll-token-2", "https://nc/poll2",
                "https://nc/flow/def", Set.of(), NOW.plus(Duration.ofMinutes(21)));
        repo.save(second);
        assertThat(repo.find("bob"), is(Optional.of(second)));
        assertThat(repo.delete("bob"), is(true));
        assertThat(repo.find("bob"), is(Optional.empty()));
    }

    @Test
    void pendingAuthorizationIsTakenOnceAndNotAfterExpiry() throws Exception {
        PendingAuthorizations repo = open(freshDatabase(KEY_A)).pendingAuthorizations();
        PendingAuthorizations.Pending pending = new PendingAuthorizations.Pending("state-1", "client",
                "http://127.0.0.1/cb",
                "client-state", "challenge", "openid notes:read", "https://mcp.example/mcp", "verifier",
                NOW.plusSeconds(600));
        repo.save(pending);
        assertThat(repo.take("state-1"), is(Optional.of(pending)));
        assertThat(repo.take("state-1"), is(Optional.empty()));

        repo.save(new PendingAuthorizations.Pending("state-2", "client", null, null, "c", "s", null, null,
                NOW.plusSeconds(1)));
        clock.set(NOW.plusSeconds(1));
        assertThat(repo.take("state-2"), is(Optional.empty()));
    }

    @Test
    void authorizationCodeRoundTripAndSingleUse() throws Exception {
        AuthorizationCodes repo = open(freshDatabase(KEY_A)).authorizationCodes();
        AuthorizationCodes.Code code = code(NOW.plusSeconds(60));
        repo.save("code-1", code);
        assertThat(repo.redeem("code-1", NOW), is(Optional.of(code)));
        assertThat(repo.redeem("code-1", NOW), is(Optional.empty()));
        assertThat(repo.redeem("never-issued", NOW), is(Optional.empty()));

        AuthorizationCodes.Code noRefresh = new AuthorizationCodes.Code("client", "http://localhost:1234/cb", "ch",
                "openid", null, "alice", "at", null, null, NOW.plusSeconds(60));
        repo.save("code-2", noRefresh);
        assertThat(repo.redeem("code-2", NOW), is(Optional.of(noRefresh)));
    }

    @Test
    void expiredCodeIsNeverRedeemed() throws Exception {
        AuthorizationCodes repo = open(freshDatabase(KEY_A)).authorizationCodes();
        repo.save("late", code(NOW.plusSeconds(60)));
        assertThat(repo.redeem("late", NOW.plusSeconds(60)), is(Optional.empty()));
        assertThat(repo.redeem("late", NOW), is(Optional.empty())); // burnt by the late attempt
    }

    @Test
    void refreshTokenIsTakenOnceAndNotAfterExpiry() throws Exception {
        RefreshTokens repo = open(freshDatabase(KEY_A)).refreshTokens();
        RefreshTokens.Grant grant = new RefreshTokens.Grant("client", "alice", "notes:read", "https://mcp/mcp",
                "idp-refresh", NOW.plus(Duration.ofDays(30)));
        repo.save("rt-1", grant);
        assertThat(repo.take("rt-1", NOW), is(Optional.of(grant)));
        assertThat(repo.take("rt-1", NOW), is(Optional.empty()));
        repo.save("rt-2", grant);
        assertThat(repo.take("rt-2", NOW.plus(Duration.ofDays(31))), is(Optional.empty()));
    }

    @Test
    void clientRegistrationRoundTrip() throws Exception {
        ClientRegistrations repo = open(freshDatabase(KEY_A)).clientRegistrations();
        JsonObject metadata = Json.createObjectBuilder()
                .add("redirect_uris", Json.createArrayBuilder().add("http://127.0.0.1/cb"))
                .add("client_name", "Zed – “quoted” ✓").build();
        ClientRegistrations.Registration registered =
                new ClientRegistrations.Registration("dyn-1", metadata, NOW, null);
        ClientRegistrations.Registration cached = new ClientRegistrations.Registration("https://app/meta.json",
                metadata, NOW, NOW.plusSeconds(3600));
        repo.save(registered);
        repo.save(cached);
        assertThat(repo.find("dyn-1"), is(Optional.of(registered)));
        assertThat(repo.find("https://app/meta.json"), is(Optional.of(cached)));
        assertThat(repo.delete("dyn-1"), is(true));
        assertThat(repo.find("dyn-1"), is(Optional.empty()));
    }

    @Test
    void idpClientRoundTripKeyedByIssuer() throws Exception {
        IdpClients repo = open(freshDatabase(KEY_A)).idpClients();
        IdpClients.Client confidential = new IdpClients.Client("https://kc/realms/a", "ncmcp", "secret",
                "rat", "https://kc/realms/a/clients-registrations/openid-connect/ncmcp", NOW);
        IdpClients.Client publicClient = new IdpClients.Client("https://kc/realms/b", "ncmcp-b", null, null, null, NOW);
        repo.save(confidential);
        repo.save(publicClient);
        assertThat(repo.find("https://kc/realms/a"), is(Optional.of(confidential)));
        assertThat(repo.find("https://kc/realms/b"), is(Optional.of(publicClient)));
        assertThat(repo.delete("https://kc/realms/a"), is(true));
        assertThat(repo.find("https://kc/realms/a"), is(Optional.empty()));
    }

    // ---- encryption at rest and key rotation

    @Test
    void secretsAreEncryptedAndOneTimeValuesHashed() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        saveOneOfEach(store, "plain");
        for (KeyRotation.Secrets secrets : KeyRotation.SECRETS) {
            for (String column : secrets.columns()) {
                List<String> values = raw(store, "SELECT " + column + " FROM " + secrets.table());
                assertThat(secrets.table() + "." + column + " has rows", values.isEmpty(), is(false));
                for (String value : values) {
                    assertThat(value, startsWith("v1.kA."));
                    assertThat(value, not(containsString("plain")));
                }
            }
        }
        assertThat(raw(store, "SELECT code_hash FROM authorization_codes"), is(List.of(Jdbc.hash("code-plain"))));
        assertThat(raw(store, "SELECT token_hash FROM refresh_tokens"), is(List.of(Jdbc.hash("rt-plain"))));
        assertThat(raw(store, "SELECT state_hash FROM pending_authorizations"), is(List.of(Jdbc.hash("state-plain"))));
    }

    @Test
    void keyRotationKeepsEverythingReadable() throws Exception {
        StoreConfig withA = freshDatabase(KEY_A);
        JdbcStore a = open(withA);
        saveOneOfEach(a, "old");
        a.close();

        // a new key first, the old one kept: old values still decrypt, new values use the new key
        JdbcStore ba = open(withKeys(withA, KEY_B + "," + KEY_A));
        assertThat(ba.appPasswords().find("alice").orElseThrow().appPassword(), is("app-old"));
        assertThat(ba.idpClients().find("https://idp").orElseThrow().clientSecret(), is("secret-old"));
        ba.appPasswords().save(new AppPasswords.Grant("carol", "carol", "new-pw", Set.of(), NOW));
        assertThat(raw(ba, "SELECT app_password FROM app_passwords WHERE subject = 'carol'").getFirst(),
                startsWith("v1.kB."));

        KeyRotation.Result result = ba.rotateKeys(2);
        assertThat(result.total(), is(8)); // every secret column of saveOneOfEach, not carol's
        assertThat(result.reencrypted().get("authorization_codes.idp_refresh_token"), is(1));
        assertThat(ba.rotateKeys(2).total(), is(0));
        ba.close();

        JdbcStore b = open(withKeys(withA, KEY_B));
        assertOneOfEach(b, "old");
        assertThat(b.appPasswords().find("carol").orElseThrow().appPassword(), is("new-pw"));
    }

    @Test
    void valueUnderRemovedKeyFailsNamingTheKid() throws Exception {
        StoreConfig withA = freshDatabase(KEY_A);
        open(withA).appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw", Set.of(), NOW));
        JdbcStore onlyB = open(withKeys(withA, KEY_B));
        StoreException e = assertThrows(StoreException.class, () -> onlyB.appPasswords().find("alice"));
        assertThat(e.getMessage(), containsString("key id 'kA'"));
        assertThat(e.getMessage(), containsString("app_passwords.app_password"));
        assertThat(e.getMessage(), not(containsString(KEY_A.substring(3))));
        assertThat(e.getMessage(), not(containsString(KEY_B.substring(3))));
    }

    // ---- single use under concurrency

    @Test
    void concurrentRedemptionHasExactlyOneWinner() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A, 16));
        for (int round = 0; round < 10; round++) {
            String value = "race-" + round;
            store.authorizationCodes().save(value, code(NOW.plusSeconds(60)));
            assertThat(winners(16, i -> store.authorizationCodes().redeem(value, NOW).isPresent()), is(1));
        }
    }

    @Test
    void twoReplicasNeverHandOutTheSameCodeTwice() throws Exception {
        StoreConfig config = freshDatabase(KEY_A, 8);
        JdbcStore one = open(config);
        JdbcStore two = open(config);
        for (int round = 0; round < 10; round++) {
            String code = "code-" + round;
            String token = "rt-" + round;
            String state = "state-" + round;
            one.authorizationCodes().save(code, code(NOW.plusSeconds(60)));
            one.refreshTokens().save(token, new RefreshTokens.Grant("c", "s", "x", "r", "idp", NOW.plusSeconds(60)));
            one.pendingAuthorizations().save(new PendingAuthorizations.Pending(state, "c", "r", null, "ch", "x", null,
                    "v", NOW.plusSeconds(60)));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).authorizationCodes().redeem(code, NOW).isPresent()),
                    is(1));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).refreshTokens().take(token, NOW).isPresent()), is(1));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).pendingAuthorizations().take(state).isPresent()),
                    is(1));
        }
    }

    // ---- purge and transactions

    @Test
    void purgeRemovesOnlyExpiredRows() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        Instant past = NOW.minusSeconds(1);
        Instant future = NOW.plusSeconds(60);
        store.loginFlows().save(new LoginFlows.Session("old", "t", "p", "l", Set.of(), past));
        store.loginFlows().save(new LoginFlows.Session("new", "t", "p", "l", Set.of(), future));
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("s-old", "c", null, null, null, null, null,
                null, past));
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("s-new", "c", null, null, null, null, null,
                null, future));
        store.authorizationCodes().save("c-old", code(past));
        store.authorizationCodes().save("c-new", code(future));
        store.refreshTokens().save("r-old", new RefreshTokens.Grant("c", "s", null, null, "i", past));
        store.refreshTokens().save("r-new", new RefreshTokens.Grant("c", "s", null, null, "i", future));
        JsonObject meta = Json.createObjectBuilder().build();
        store.clientRegistrations().save(new ClientRegistrations.Registration("cached-old", meta, past, past));
        store.clientRegistrations().save(new ClientRegistrations.Registration("cached-new", meta, past, future));
        store.clientRegistrations().save(new ClientRegistrations.Registration("registered", meta, past, null));
        store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw", Set.of(), past));
        store.idpClients().save(new IdpClients.Client("https://idp", "c", null, null, null, past));

        assertThat(store.purgeExpired(NOW), is(5));
        assertThat(store.purgeExpired(NOW), is(0));
        assertThat(store.loginFlows().find("old"), is(Optional.empty()));
        assertThat(store.loginFlows().find("new").isPresent(), is(true));
        assertThat(store.pendingAuthorizations().take("s-new").isPresent(), is(true));
        assertThat(store.authorizationCodes().redeem("c-new", NOW).isPresent(), is(true));
        assertThat(store.refreshTokens().take("r-new", NOW).isPresent(), is(true));
        assertThat(store.clientRegistrations().find("cached-old"), is(Optional.empty()));
        assertThat(store.clientRegistrations().find("cached-new").isPresent(), is(true));
        assertThat(store.clientRegistrations().find("registered").isPresent(), is(true));
        assertThat(store.appPasswords().find("alice").isPresent(), is(true));
        assertThat(store.idpClients().find("https://idp").isPresent(), is(true));
    }

    @Test
    void purgerRunsOnItsSchedule() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        store.authorizationCodes().save("gone", code(NOW.minusSeconds(1)));
        try (StorePurger purger = new StorePurger(store, Duration.ofMillis(50), clock).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!raw(store, "SELECT code_hash FROM authorization_codes").isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(raw(store, "SELECT code_hash FROM authorization_codes"), is(List.of()));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothing() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "pw-1", Set.of(), NOW));
        IllegalStateException boom = assertThrows(IllegalStateException.class,
                () -> store.jdbc().transaction("test", c -> {
                    Jdbc.execute(c, "UPDATE app_passwords SET nextcloud_user = ? WHERE subject = ?", "mallory",
                            "alice");
                    Jdbc.execute(c, "INSERT INTO idp_clients (issuer, client_id, created_at) VALUES (?, ?, ?)",
                            "https://idp", "c", 0L);
                    throw new IllegalStateException("crash in the middle");
                }));
        assertThat(boom.getMessage(), is("crash in the middle"));
        assertThat(store.appPasswords().find("alice").orElseThrow().nextcloudUser(), is("alice"));
        assertThat(store.idpClients().find("https://idp"), is(Optional.empty()));

        // a failing statement (duplicate key) rolls back too and leaves the first row as it was
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("dup", "c1", null, null, null, null, null,
                null, NOW.plusSeconds(60)));
        assertThrows(StoreException.class, () -> store.pendingAuthorizations().save(
                new PendingAuthorizations.Pending("dup", "c2", null, null, null, null, null, null,
                        NOW.plusSeconds(60))));
        assertThat(store.pendingAuthorizations().take("dup").orElseThrow().clientId(), is("c1"));
    }

    @Test
    void aProcessDyingMidWriteLosesNothingCommitted() throws Exception {
        StoreConfig config = freshDatabase(KEY_A);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashWriter.class.getName(), config.url(),
                config.user() == null ? "" : config.user(), config.password() == null ? "" : config.password(),
                config.data().toString(), config.keys())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output, child.waitFor(), is(3));
        assertThat(output, containsString("in the middle"));

        JdbcStore store = open(config);
        AppPasswords.Grant grant = store.appPasswords().find("committed").orElseThrow();
        assertThat(grant.nextcloudUser(), is("nc"));
        assertThat(grant.appPassword(), is("pw-1"));
        assertThat(store.idpClients().find("https://uncommitted"), is(Optional.empty()));
    }

    // ---- helpers

    static AuthorizationCodes.Code code(Instant expiresAt) {
        return new AuthorizationCodes.Code("client", "http://127.0.0.1:5555/cb", "challenge", "openid notes:read",
                "https://mcp.example/mcp", "alice", "idp-access", "idp-refresh", NOW.plusSeconds(300), expiresAt);
    }

    /** One row in every table with secrets; every secret contains {@code marker}. */
    static void saveOneOfEach(Store store, String marker) {
        Instant later = NOW.plusSeconds(600);
        store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "app-" + marker, Set.of("notes:read"), NOW));
        store.loginFlows().save(new LoginFlows.Session("alice", "poll-" + marker, "p", "l", Set.of(), later));
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("state-" + marker, "c", "r", null, "ch",
                "s", null, "verifier-" + marker, later));
        store.authorizationCodes().save("code-" + marker, new AuthorizationCodes.Code("c", "r", "ch", "s", null,
                "alice", "access-" + marker, "refresh-" + marker, later, later));
        store.idpClients().save(new IdpClients.Client("https://idp", "c", "secret-" + marker, "rat-" + marker, "u",
                NOW));
        store.refreshTokens().save("rt-" + marker, new RefreshTokens.Grant("c", "alice", "s", null,
                "idp-refresh-" + marker, later));
    }

    static void assertOneOfEach(JdbcStore store, String marker) {
        assertThat(store.appPasswords().find("alice").orElseThrow().appPassword(), is("app-" + marker));
        assertThat(store.loginFlows().find("alice").orElseThrow().pollToken(), is("poll-" + marker));
        IdpClients.Client client = store.idpClients().find("https://idp").orElseThrow();
        assertThat(client.clientSecret(), is("secret-" + marker));
        assertThat(client.registrationAccessToken(), is("rat-" + marker));
        // the single-use ones last: reading them consumes them
        assertThat(store.pendingAuthorizations().take("state-" + marker).orElseThrow().idpCodeVerifier(),
                is("verifier-" + marker));
        AuthorizationCodes.Code code = store.authorizationCodes().redeem("code-" + marker, NOW).orElseThrow();
        assertThat(code.idpAccessToken(), is("access-" + marker));
        assertThat(code.idpRefreshToken(), is("refresh-" + marker));
        assertThat(store.refreshTokens().take("rt-" + marker, NOW).orElseThrow().idpRefreshToken(),
                is("idp-refresh-" + marker));
        saveOneOfEachSingleUse(store, marker);
    }

    /** Puts the single-use rows back (same encryption key as the store's current one). */
    private static void saveOneOfEachSingleUse(JdbcStore store, String marker) {
        Instant later = NOW.plusSeconds(600);
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("state-" + marker, "c", "r", null, "ch",
                "s", null, "verifier-" + marker, later));
        store.authorizationCodes().save("code-" + marker, new AuthorizationCodes.Code("c", "r", "ch", "s", null,
                "alice", "access-" + marker, "refresh-" + marker, later, later));
        store.refreshTokens().save("rt-" + marker, new RefreshTokens.Grant("c", "alice", "s", null,
                "idp-refresh-" + marker, later));
    }

    static List<String> raw(JdbcStore store, String sql) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static List<String> appliedVersions(JdbcStore store) throws SQLException {
        return raw(store, "SELECT version FROM schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank");
    }

    interface Attempt {
        boolean run(int thread) throws Exception;
    }

    /** Runs {@code attempt} on {@code threads} threads released together; returns how many got {@code true}. */
    static int winners(int threads, Attempt attempt) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                results.add(pool.submit((Callable<Boolean>) () -> {
                    ready.countDown();
                    go.await();
                    return attempt.run(thread);
                }));
            }
            ready.await();
            go.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get() ? 1 : 0;
            }
            return wins;
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void set(Instant instant) {
            millis.set(instant.toEpochMilli());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
