package dev.ncmcp.server.store;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Optional;

/** Facade: MCP clients registered by RFC 7591, or cached Client ID Metadata Documents. */
public interface ClientRegistrations {

    /**
     * @param clientId  the id issued (or the metadata document URL)
     * @param metadata  the registered metadata (redirect_uris, client_name, grant_types, …)
     * @param createdAt when it was registered or fetched
     * @param expiresAt when a cached metadata document must be fetched again; null for registrations
     */
    record Registration(String clientId, JsonObject metadata, Instant createdAt, Instant expiresAt) {
    }

    Optional<Registration> find(String clientId);

    void save(Registration registration);

    boolean delete(String clientId);
}
