package dev.ncmcp.server.store;

import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.scopes;
import static dev.ncmcp.server.store.Jdbc.time;

final class JdbcAppPasswords implements AppPasswords {

    static final String SECRET = "app_passwords.app_password";

    private final Jdbc db;

    JdbcAppPasswords(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Grant> find(String subject) {
        return db.read("read an app password", c -> one(c,
                "SELECT subject, nextcloud_user, app_password, scopes, created_at FROM app_passwords WHERE subject = ?",
                rs -> new Grant(rs.getString("subject"), rs.getString("nextcloud_user"),
                        db.box.open(rs.getString("app_password"), SECRET), scopes(rs.getString("scopes")),
                        time(rs, "created_at")),
                subject));
    }

    @Override
    public void save(Grant grant) {
        db.update("save an app password", """
                INSERT INTO app_passwords (subject, nextcloud_user, app_password, scopes, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET nextcloud_user = excluded.nextcloud_user,
                    app_password = excluded.app_password, scopes = excluded.scopes, created_at = excluded.created_at
                """, grant.subject(), grant.nextcloudUser(), db.box.seal(grant.appPassword(), SECRET),
                scopes(grant.scopes()), time(grant.createdAt()));
    }

    @Override
    public boolean delete(String subject) {
        return db.update("delete an app password", "DELETE FROM app_passwords WHERE subject = ?", subject) > 0;
    }
}
