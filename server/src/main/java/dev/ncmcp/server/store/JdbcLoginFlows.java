package dev.ncmcp.server.store;

import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.scopes;
import static dev.ncmcp.server.store.Jdbc.time;

final class JdbcLoginFlows implements LoginFlows {

    static final String SECRET = "login_flows.poll_token";

    private final Jdbc db;

    JdbcLoginFlows(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(String subject) {
        return db.read("read a login flow", c -> one(c, """
                SELECT subject, poll_token, poll_endpoint, login_url, scopes, expires_at
                FROM login_flows WHERE subject = ?""",
                rs -> new Session(rs.getString("subject"), db.box.open(rs.getString("poll_token"), SECRET),
                        rs.getString("poll_endpoint"), rs.getString("login_url"), scopes(rs.getString("scopes")),
                        time(rs, "expires_at")),
                subject));
    }

    @Override
    public void save(Session session) {
        db.update("save a login flow", """
                INSERT INTO login_flows (subject, poll_token, poll_endpoint, login_url, scopes, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET poll_token = excluded.poll_token,
                    poll_endpoint = excluded.poll_endpoint, login_url = excluded.login_url,
                    scopes = excluded.scopes, expires_at = excluded.expires_at
                """, session.subject(), db.box.seal(session.pollToken(), SECRET), session.pollEndpoint(),
                session.loginUrl(), scopes(session.scopes()), time(session.expiresAt()));
    }

    @Override
    public boolean delete(String subject) {
        return db.update("delete a login flow", "DELETE FROM login_flows WHERE subject = ?", subject) > 0;
    }
}
