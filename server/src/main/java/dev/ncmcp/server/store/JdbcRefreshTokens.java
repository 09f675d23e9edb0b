package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.hash;
import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.text;
import static dev.ncmcp.server.store.Jdbc.time;

/** Refresh tokens under their SHA-256; {@link #take} is a single-use {@code DELETE … RETURNING}. */
final class JdbcRefreshTokens implements RefreshTokens {

    static final String SECRET = "refresh_tokens.idp_refresh_token";

    private final Jdbc db;

    JdbcRefreshTokens(Jdbc db) {
        this.db = db;
    }

    @Override
    public void save(String value, Grant grant) {
        db.update("save a refresh token", """
                INSERT INTO refresh_tokens (token_hash, client_id, subject, scope, resource, idp_refresh_token,
                    expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                hash(value), grant.clientId(), text(grant.subject()), text(grant.scope()), text(grant.resource()),
                text(db.box.seal(grant.idpRefreshToken(), SECRET)), time(grant.expiresAt()));
    }

    @Override
    public Optional<Grant> take(String value, Instant now) {
        return db.transaction("take a refresh token", c -> one(c, """
                DELETE FROM refresh_tokens WHERE token_hash = ?
                RETURNING client_id, subject, scope, resource, idp_refresh_token, expires_at""",
                rs -> new Grant(rs.getString("client_id"), rs.getString("subject"), rs.getString("scope"),
                        rs.getString("resource"), db.box.open(rs.getString("idp_refresh_token"), SECRET),
                        time(rs, "expires_at")),
                hash(value)))
                .filter(grant -> grant.expiresAt().isAfter(now));
    }
}
