package dev.ncmcp.server.store;

import java.time.Instant;

/**
 * The sidecar's persistent state: one JDBC database (an SQLite file by default, PostgreSQL for
 * several replicas) behind small repositories. Secrets are encrypted before they reach the database;
 * every write is one transaction.
 */
public interface Store extends AutoCloseable {

    /** Per-user Nextcloud app passwords obtained through Login Flow v2. */
    AppPasswords appPasswords();

    /** Login Flow v2 sessions waiting for the user to grant access. */
    LoginFlows loginFlows();

    /** Facade: authorization requests forwarded to the IdP, waiting for its callback. */
    PendingAuthorizations pendingAuthorizations();

    /** Facade: the sidecar's one-time authorization codes. */
    AuthorizationCodes authorizationCodes();

    /** Facade: MCP clients registered at the sidecar (RFC 7591) or known by metadata document. */
    ClientRegistrations clientRegistrations();

    /** The sidecar's own client at each identity provider, keyed by issuer. */
    IdpClients idpClients();

    /** Facade: refresh tokens issued to MCP clients, each backed by an IdP refresh token. */
    RefreshTokens refreshTokens();

    /** Deletes everything that expired before {@code now}; returns how many rows went. */
    int purgeExpired(Instant now);

    @Override
    void close();
}
