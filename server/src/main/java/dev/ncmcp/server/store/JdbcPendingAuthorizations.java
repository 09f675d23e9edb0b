package dev.ncmcp.server.store;

import java.time.Clock;
import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.flag;
import static dev.ncmcp.server.store.Jdbc.hash;
import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.text;
import static dev.ncmcp.server.store.Jdbc.time;

/** Stored under the SHA-256 of the state; {@link #take} deletes and returns in one statement. */
final class JdbcPendingAuthorizations implements PendingAuthorizations {

    static final String SECRET = "pending_authorizations.idp_code_verifier";

    private final Jdbc db;
    private final Clock clock;

    JdbcPendingAuthorizations(Jdbc db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void save(Pending p) {
        db.update("save a pending authorization", """
                INSERT INTO pending_authorizations (state_hash, client_id, redirect_uri, redirect_uri_given,
                    client_state, code_challenge, scope, resource, idp_code_verifier, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                hash(p.state()), p.clientId(), text(p.redirectUri()), flag(p.redirectUriGiven()),
                text(p.clientState()), text(p.codeChallenge()), text(p.scope()), text(p.resource()),
                text(db.box.seal(p.idpCodeVerifier(), SECRET)), time(p.expiresAt()));
    }

    /** Single use across connections and replicas: the DELETE that removes the row is the one that returns it. */
    @Override
    public Optional<Pending> take(String state) {
        long now = clock.millis();
        return db.transaction("take a pending authorization", c -> one(c, """
                DELETE FROM pending_authorizations WHERE state_hash = ?
                RETURNING client_id, redirect_uri, redirect_uri_given, client_state, code_challenge, scope, resource,
                    idp_code_verifier, expires_at""",
                rs -> new Pending(state, rs.getString("client_id"), rs.getString("redirect_uri"),
                        flag(rs, "redirect_uri_given"), rs.getString("client_state"),
                        rs.getString("code_challenge"), rs.getString("scope"), rs.getString("resource"),
                        db.box.open(rs.getString("idp_code_verifier"), SECRET), time(rs, "expires_at")),
                hash(state)))
                .filter(p -> p.expiresAt().toEpochMilli() > now);
    }
}
