package dev.ncmcp.server.store;

import dev.ncmcp.server.config.StoreConfig;
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
        assertThat(appliedVersions(first), is(List.of("1", "2")));
        first.close();

        JdbcStore again = open(config);
        assertThat(appliedVersions(again), is(List.of("1", "2")));
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
                assertThat(appliedVersions(start.get()), is(List.of("1", "2")));
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
                "http://127.0.0.1/cb", true,
                "client-state", "challenge", "openid notes:read", "https://mcp.example/mcp", "verifier",
                NOW.plusSeconds(600));
        repo.save(pending);
        assertThat(repo.take("state-1"), is(Optional.of(pending)));
        assertThat(repo.take("state-1"), is(Optional.empty()));

        repo.save(new PendingAuthorizations.Pending("state-2", "client", null, false, null, "c", "s", null, null,
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

        AuthorizationCodes.Code noRefresh = new AuthorizationCodes.Code("client", "http://localhost:1234/cb", false,
                "ch", "openid", null, "alice", "at", null, null, NOW.plusSeconds(60));
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
                "idp-refresh", "family-1", NOW.plus(Duration.ofDays(30)));
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

    @Test
    void redirectUriGivenIsKeptThroughPendingAndCode() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        PendingAuthorizations.Pending defaulted = new PendingAuthorizations.Pending("state-d", "client",
                "http://127.0.0.1/cb", false, "cs", "ch", "notes:read", null, "verifier", NOW.plusSeconds(600));
        store.pendingAuthorizations().save(defaulted);
        assertThat(store.pendingAuthorizations().take("state-d"), is(Optional.of(defaulted)));
        AuthorizationCodes.Code given = code(NOW.plusSeconds(60));
        AuthorizationCodes.Code notGiven = new AuthorizationCodes.Code("client", "http://127.0.0.1/cb", false, "ch",
                "openid", null, "alice", "at", "rt", NOW.plusSeconds(300), NOW.plusSeconds(60));
        store.authorizationCodes().save("given", given);
        store.authorizationCodes().save("not-given", notGiven);
        assertThat(store.authorizationCodes().redeem("given", NOW).orElseThrow().redirectUriGiven(), is(true));
        assertThat(store.authorizationCodes().redeem("not-given", NOW), is(Optional.of(notGiven)));
    }

    @Test
    void aRedeemedCodeIsReportedAsReusedWithItsFamilyUntilItWouldHaveExpired() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        AuthorizationCodes repo = store.authorizationCodes();
        AuthorizationCodes.Code code = code(NOW.plusSeconds(60));
        repo.save("code-1", code);
        assertThat(repo.redeem("code-1", NOW, "family-1"), is(new AuthorizationCodes.Redemption.Redeemed(code)));
        assertThat(repo.redeem("code-1", NOW.plusSeconds(59), "family-2"),
                is(new AuthorizationCodes.Redemption.Reused("family-1")));
        assertThat(repo.redeem("code-1", NOW.plusSeconds(60), "family-3"),
                is(new AuthorizationCodes.Redemption.Unknown()));
        assertThat(repo.redeem("never-issued", NOW, "family-4"), is(new AuthorizationCodes.Redemption.Unknown()));
        assertThat(raw(store, "SELECT code_hash FROM redeemed_codes"), is(List.of(Jdbc.hash("code-1"))));

        // an expired code is burnt, not remembered as redeemed
        repo.save("late", code(NOW.plusSeconds(1)));
        assertThat(repo.redeem("late", NOW.plusSeconds(1), "family-5"),
                is(new AuthorizationCodes.Redemption.Unknown()));
        assertThat(repo.redeem("late", NOW, "family-6"), is(new AuthorizationCodes.Redemption.Unknown()));

        assertThat(store.purgeExpired(NOW.plusSeconds(60)), is(1));
        assertThat(raw(store, "SELECT code_hash FROM redeemed_codes"), is(List.of()));
    }

    @Test
    void aUsedRefreshTokenIsReportedAsReplayedWithItsFamilyUntilItWouldHaveExpired() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        RefreshTokens repo = store.refreshTokens();
        RefreshTokens.Grant grant = new RefreshTokens.Grant("client", "alice", "notes:read", null, "idp-refresh",
                "family-a", NOW.plus(Duration.ofDays(30)));
        assertThat(repo.save("rt-1", grant), is(true));
        assertThat(repo.use("rt-1", NOW), is(new RefreshTokens.Use.Active(grant)));
        assertThat(repo.use("rt-1", NOW), is(new RefreshTokens.Use.Replayed("family-a")));
        assertThat(repo.use("rt-1", NOW.plus(Duration.ofDays(29))), is(new RefreshTokens.Use.Replayed("family-a")));
        assertThat(repo.use("rt-1", NOW.plus(Duration.ofDays(30))), is(new RefreshTokens.Use.Unknown()));
        assertThat(repo.use("never-issued", NOW), is(new RefreshTokens.Use.Unknown()));
        assertThat("used tokens are remembered by hash only", raw(store, "SELECT token_hash FROM used_refresh_tokens"),
                is(List.of(Jdbc.hash("rt-1"))));
        assertThat(store.purgeExpired(NOW.plus(Duration.ofDays(30))), is(1));
        assertThat(raw(store, "SELECT token_hash FROM used_refresh_tokens"), is(List.of()));
    }

    @Test
    void aUsedRefreshTokenSavedAgainIsActiveAgain() throws Exception {
        RefreshTokens repo = open(freshDatabase(KEY_A)).refreshTokens();
        RefreshTokens.Grant grant = new RefreshTokens.Grant("client", "alice", "s", null, "idp", "family-a",
                NOW.plusSeconds(600));
        repo.save("rt-1", grant);
        assertThat(repo.use("rt-1", NOW), is(new RefreshTokens.Use.Active(grant)));
        assertThat(repo.save("rt-1", grant), is(true)); // put back after a passing failure (IdP unreachable)
        assertThat(repo.use("rt-1", NOW), is(new RefreshTokens.Use.Active(grant)));
    }

    @Test
    void revokingAFamilyDeletesItsActiveTokensAndRefusesNewOnes() throws Exception {
        JdbcStore store = open(freshDatabase(KEY_A));
        RefreshTokens repo = store.refreshTokens();
        Instant later = NOW.plus(Duration.ofDays(30));
        RefreshTokens.Grant a1 = new RefreshTokens.Grant("c", "alice", "s", null, "idp-a1", "family-a", later);
        RefreshTokens.Grant a2 = new RefreshTokens.Grant("c", "alice", "s", null, "idp-a2", "family-a", later);
        RefreshTokens.Grant b1 = new RefreshTokens.Grant("c", "bob", "s", null, "idp-b1", "family-b", later);
        repo.save("a1", a1);
        repo.save("b1", b1);
        assertThat(repo.use("a1", NOW), is(new RefreshTokens.Use.Active(a1)));
        assertThat(repo.save("a2", a2), is(true));

        assertThat(repo.revokeFamily("family-a", later), is(1));
        assertThat(repo.use("a2", NOW), is(new RefreshTokens.Use.Unknown()));
        assertThat("a token of the family issued later (a request in flight) is refused",
                repo.save("a3", a2), is(false));
        assertThat(repo.use("a3", NOW), is(new RefreshTokens.Use.Unknown()));
        assertThat("the used token is still recognised", repo.use("a1", NOW),
                is(new RefreshTokens.Use.Replayed("family-a")));
        assertThat(repo.revokeFamily("family-a", NOW.plusSeconds(1)), is(0)); // again, and an earlier end: kept
        assertThat(repo.use("b1", NOW), is(new RefreshTokens.Use.Active(b1)));

        assertThat(raw(store, "SELECT family_id FROM revoked_token_families"), is(List.of("family-a")));
        store.purgeExpired(later);
        assertThat(raw(store, "SELECT family_id FROM revoked_token_families"), is(List.of()));
    }

    @Test
    void upgradesAVersion1DatabaseKeepingItsRows() throws Exception {
        StoreConfig config = freshDatabase(KEY_A);
        if (config.sqliteFile() != null) {
            java.nio.file.Files.createDirectories(config.sqliteFile().getParent());
        }
        org.flywaydb.core.Flyway.configure(JdbcStore.class.getClassLoader())
                .dataSource(config.url(), config.user(), config.password())
                .locations("classpath:db/migration").table("schema_history").target("1").load().migrate();
        long later = NOW.plusSeconds(600).toEpochMilli();
        try (Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO pending_authorizations (state_hash, client_id, redirect_uri, expires_at) "
                    + "VALUES ('" + Jdbc.hash("old-state") + "', 'c', 'http://127.0.0.1/cb', " + later + ")");
            s.executeUpdate("INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, expires_at) "
                    + "VALUES ('" + Jdbc.hash("old-code") + "', 'c', 'http://127.0.0.1/cb', " + later + ")");
            s.executeUpdate("INSERT INTO refresh_tokens (token_hash, client_id, expires_at) "
                    + "VALUES ('" + Jdbc.hash("old-rt") + "', 'c', " + later + ")");
        }
        JdbcStore store = open(config);
        assertThat(appliedVersions(store), is(List.of("1", "2")));
        assertThat("the token endpoint required redirect_uri before version 2: keep it so",
                store.pendingAuthorizations().take("old-state").orElseThrow().redirectUriGiven(), is(true));
        assertThat(store.authorizationCodes().redeem("old-code", NOW).orElseThrow().redirectUriGiven(), is(true));
        RefreshTokens.Use used = store.refreshTokens().use("old-rt", NOW);
        String family = ((RefreshTokens.Use.Active) used).grant().familyId();
        assertThat("an old token is a family of its own", family, is(Jdbc.hash("old-rt")));
        assertThat(store.refreshTokens().use("old-rt", NOW), is(new RefreshTokens.Use.Replayed(family)));
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
            one.refreshTokens().save(token, new RefreshTokens.Grant("c", "s", "x", "r", "idp", "f-" + round,
                    NOW.plusSeconds(60)));
            one.pendingAuthorizations().save(new PendingAuthorizations.Pending(state, "c", "r", true, null, "ch", "x",
                    null, "v", NOW.plusSeconds(60)));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).authorizationCodes().redeem(code, NOW).isPresent()),
                    is(1));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).refreshTokens().take(token, NOW).isPresent()), is(1));
            assertThat(winners(16, i -> (i % 2 == 0 ? one : two).pendingAuthorizations().take(state).isPresent()),
                    is(1));
        }
    }

    @Test
    void concurrentUsesOfOneRefreshTokenOnTwoReplicasHaveOneWinnerAndTheRestAreReplays() throws Exception {
        StoreConfig config = freshDatabase(KEY_A, 8);
        JdbcStore one = open(config);
        JdbcStore two = open(config);
        for (int round = 0; round < 10; round++) {
            String token = "rt-" + round;
            String family = "family-" + round;
            one.refreshTokens().save(token, new RefreshTokens.Grant("c", "s", "x", null, "idp", family,
                    NOW.plusSeconds(60)));
            java.util.Queue<RefreshTokens.Use> uses = new java.util.concurrent.ConcurrentLinkedQueue<>();
            assertThat(winners(16, i -> {
                RefreshTokens.Use use = (i % 2 == 0 ? one : two).refreshTokens().use(token, NOW);
                uses.add(use);
                return use instanceof RefreshTokens.Use.Active;
            }), is(1));
            assertThat(uses.stream().filter(u -> u.equals(new RefreshTokens.Use.Replayed(family))).count(), is(15L));
        }
    }

    @Test
    void concurrentRedemptionsOfOneCodeOnTwoReplicasHaveOneWinnerAndTheRestAreReuses() throws Exception {
        StoreConfig config = freshDatabase(KEY_A, 8);
        JdbcStore one = open(config);
        JdbcStore two = open(config);
        for (int round = 0; round < 10; round++) {
            String code = "code-" + round;
            one.authorizationCodes().save(code, code(NOW.plusSeconds(60)));
            java.util.Queue<AuthorizationCodes.Redemption> redemptions =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            assertThat(winners(16, i -> {
                AuthorizationCodes.Redemption r = (i % 2 == 0 ? one : two).authorizationCodes()
                        .redeem(code, NOW, "family-" + i);
                redemptions.add(r);
                return r instanceof AuthorizationCodes.Redemption.Redeemed;
            }), is(1));
            assertThat(redemptions.stream().filter(r -> r instanceof AuthorizationCodes.Redemption.Reused)
                    .map(r -> ((AuthorizationCodes.Redemption.Reused) r).familyId()).distinct().count(), is(1L));
            assertThat(redemptions.stream().filter(r -> r instanceof AuthorizationCodes.Redemption.Reused).count(),
                    is(15L));
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
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("s-old", "c", null, true, null, null,
                null, null, null, past));
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("s-new", "c", null, true, null, null,
                null, null, null, future));
        store.authorizationCodes().save("c-old", code(past));
        store.authorizationCodes().save("c-new", code(future));
        store.refreshTokens().save("r-old", new RefreshTokens.Grant("c", "s", null, null, "i", "f", past));
        store.refreshTokens().save("r-new", new RefreshTokens.Grant("c", "s", null, null, "i", "f", future));
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
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("dup", "c1", null, true, null, null, null,
                null, null, NOW.plusSeconds(60)));
        assertThrows(StoreException.class, () -> store.pendingAuthorizations().save(
                new PendingAuthorizations.Pending("dup", "c2", null, true, null, null, null, null, null,
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
        return new AuthorizationCodes.Code("client", "http://127.0.0.1:5555/cb", true, "challenge",
                "openid notes:read", "https://mcp.example/mcp", "alice", "idp-access", "idp-refresh",
                NOW.plusSeconds(300), expiresAt);
    }

    /** One row in every table with secrets; every secret contains {@code marker}. */
    static void saveOneOfEach(Store store, String marker) {
        Instant later = NOW.plusSeconds(600);
        store.appPasswords().save(new AppPasswords.Grant("alice", "alice", "app-" + marker, Set.of("notes:read"), NOW));
        store.loginFlows().save(new LoginFlows.Session("alice", "poll-" + marker, "p", "l", Set.of(), later));
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("state-" + marker, "c", "r", true, null,
                "ch",
                "s", null, "verifier-" + marker, later));
        store.authorizationCodes().save("code-" + marker, new AuthorizationCodes.Code("c", "r", true, "ch", "s", null,
                "alice", "access-" + marker, "refresh-" + marker, later, later));
        store.idpClients().save(new IdpClients.Client("https://idp", "c", "secret-" + marker, "rat-" + marker, "u",
                NOW));
        store.refreshTokens().save("rt-" + marker, new RefreshTokens.Grant("c", "alice", "s", null,
                "idp-refresh-" + marker, "family-" + marker, later));
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
        store.pendingAuthorizations().save(new PendingAuthorizations.Pending("state-" + marker, "c", "r", true, null,
                "ch",
                "s", null, "verifier-" + marker, later));
        store.authorizationCodes().save("code-" + marker, new AuthorizationCodes.Code("c", "r", true, "ch", "s", null,
                "alice", "access-" + marker, "refresh-" + marker, later, later));
        store.refreshTokens().save("rt-" + marker, new RefreshTokens.Grant("c", "alice", "s", null,
                "idp-refresh-" + marker, "family-" + marker, later));
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
