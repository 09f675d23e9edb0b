package dev.ncmcp.server.store;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.time;

final class JdbcClientRegistrations implements ClientRegistrations {

    private final Jdbc db;

    JdbcClientRegistrations(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Registration> find(String clientId) {
        return db.read("read a client registration", c -> one(c,
                "SELECT client_id, metadata, created_at, expires_at FROM client_registrations WHERE client_id = ?",
                rs -> {
                    try (JsonReader reader = Json.createReader(new StringReader(rs.getString("metadata")))) {
                        return new Registration(rs.getString("client_id"), reader.readObject(), time(rs, "created_at"),
                                time(rs, "expires_at"));
                    }
                },
                clientId));
    }

    @Override
    public void save(Registration r) {
        db.update("save a client registration", """
                INSERT INTO client_registrations (client_id, metadata, created_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (client_id) DO UPDATE SET metadata = excluded.metadata, created_at = excluded.created_at,
                    expires_at = excluded.expires_at""",
                r.clientId(), r.metadata().toString(), time(r.createdAt()), time(r.expiresAt()));
    }

    @Override
    public boolean delete(String clientId) {
        return db.update("delete a client registration", "DELETE FROM client_registrations WHERE client_id = ?",
                clientId) > 0;
    }
}
