package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

/** The sidecar's own client at an identity provider (registered by RFC 7591), keyed by issuer. */
public interface IdpClients {

    /**
     * @param issuer                  the IdP's issuer URL (the key: credentials never move between IdPs)
     * @param clientId                the client id the IdP issued
     * @param clientSecret            its secret (encrypted at rest), or null for a public client
     * @param registrationAccessToken RFC 7592 token to read/delete the registration (encrypted), or null
     * @param registrationClientUri   RFC 7592 management URL, or null
     * @param createdAt               when it was registered
     */
    record Client(String issuer, String clientId, String clientSecret, String registrationAccessToken,
                  String registrationClientUri, Instant createdAt) {
        @Override
        public String toString() {
            return "Client[issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }

    Optional<Client> find(String issuer);

    void save(Client client);

    boolean delete(String issuer);
}
