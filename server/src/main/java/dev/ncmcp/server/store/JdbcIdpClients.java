package dev.ncmcp.server.store;

import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.text;
import static dev.ncmcp.server.store.Jdbc.time;

final class JdbcIdpClients implements IdpClients {

    static final String SECRET = "idp_clients.client_secret";
    static final String TOKEN = "idp_clients.registration_access_token";

    private final Jdbc db;

    JdbcIdpClients(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Client> find(String issuer) {
        return db.read("read an identity provider client", c -> one(c, """
                SELECT issuer, client_id, client_secret, registration_access_token, registration_client_uri, created_at
                FROM idp_clients WHERE issuer = ?""",
                rs -> new Client(rs.getString("issuer"), rs.getString("client_id"),
                        db.box.open(rs.getString("client_secret"), SECRET),
                        db.box.open(rs.getString("registration_access_token"), TOKEN),
                        rs.getString("registration_client_uri"), time(rs, "created_at")),
                issuer));
    }

    @Override
    public void save(Client client) {
        db.update("save an identity provider client", """
                INSERT INTO idp_clients (issuer, client_id, client_secret, registration_access_token,
                    registration_client_uri, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (issuer) DO UPDATE SET client_id = excluded.client_id,
                    client_secret = excluded.client_secret,
                    registration_access_token = excluded.registration_access_token,
                    registration_client_uri = excluded.registration_client_uri, created_at = excluded.created_at""",
                client.issuer(), client.clientId(), text(db.box.seal(client.clientSecret(), SECRET)),
                text(db.box.seal(client.registrationAccessToken(), TOKEN)), text(client.registrationClientUri()),
                time(client.createdAt()));
    }

    @Override
    public boolean delete(String issuer) {
        return db.update("delete an identity provider client", "DELETE FROM idp_clients WHERE issuer = ?", issuer) > 0;
    }
}
