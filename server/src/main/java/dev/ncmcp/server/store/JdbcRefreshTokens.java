package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.hash;
import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.text;
import static dev.ncmcp.server.store.Jdbc.time;

/**
 * Refresh tokens under their SHA-256. {@link #use} is a single-use {@code DELETE … RETURNING} that, in the same
 * transaction, remembers the used token's hash and family in {@code used_refresh_tokens} until the token would have
 * expired. Of concurrent callers exactly one deletes the row; the others wait for its row lock (PostgreSQL) or its
 * write transaction (SQLite), find no row and then see the committed record: a replay. {@link #revokeFamily} deletes
 * the family's active tokens and records the family in {@code revoked_token_families}, which {@link #save} checks
 * in its {@code INSERT}, so that a token of the chain being issued by a request in flight is refused too.
 */
final class JdbcRefreshTokens implements RefreshTokens {

    static final String SECRET = "refresh_tokens.idp_refresh_token";

    private final Jdbc db;

    JdbcRefreshTokens(Jdbc db) {
        this.db = db;
    }

    @Override
    public boolean save(String value, Grant grant) {
        String hash = hash(value);
        return db.transaction("save a refresh token", c -> {
            Jdbc.execute(c, "DELETE FROM used_refresh_tokens WHERE token_hash = ?", hash);
            return Jdbc.execute(c, """
                    INSERT INTO refresh_tokens (token_hash, client_id, subject, scope, resource, idp_refresh_token,
                        family_id, expires_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM revoked_token_families WHERE family_id = ?)""",
                    hash, grant.clientId(), text(grant.subject()), text(grant.scope()), text(grant.resource()),
                    text(db.box.seal(grant.idpRefreshToken(), SECRET)), grant.familyId(), time(grant.expiresAt()),
                    grant.familyId()) == 1;
        });
    }

    @Override
    public Use use(String value, Instant now) {
        String hash = hash(value);
        return db.transaction("use a refresh token", c -> {
            Optional<Grant> deleted = one(c, """
                    DELETE FROM refresh_tokens WHERE token_hash = ?
                    RETURNING client_id, subject, scope, resource, idp_refresh_token, family_id, expires_at""",
                    rs -> new Grant(rs.getString("client_id"), rs.getString("subject"), rs.getString("scope"),
                            rs.getString("resource"), db.box.open(rs.getString("idp_refresh_token"), SECRET),
                            rs.getString("family_id"), time(rs, "expires_at")),
                    hash);
            if (deleted.isPresent()) {
                Grant grant = deleted.get();
                if (!grant.expiresAt().isAfter(now)) {
                    return new Use.Unknown();
                }
                Jdbc.execute(c, "INSERT INTO used_refresh_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)",
                        hash, grant.familyId(), time(grant.expiresAt()));
                return new Use.Active(grant);
            }
            return one(c, "SELECT family_id FROM used_refresh_tokens WHERE token_hash = ? AND expires_at > ?",
                    rs -> (Use) new Use.Replayed(rs.getString("family_id")), hash, now.toEpochMilli())
                    .orElseGet(Use.Unknown::new);
        });
    }

    @Override
    public int revokeFamily(String familyId, Instant until) {
        return db.transaction("revoke a refresh token family", c -> {
            Jdbc.execute(c, """
                    INSERT INTO revoked_token_families (family_id, expires_at) VALUES (?, ?)
                    ON CONFLICT (family_id) DO UPDATE SET expires_at = excluded.expires_at
                    WHERE excluded.expires_at > revoked_token_families.expires_at""", familyId, time(until));
            return Jdbc.execute(c, "DELETE FROM refresh_tokens WHERE family_id = ?", familyId);
        });
    }
}
