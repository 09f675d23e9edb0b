package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Per-user Nextcloud app passwords; the password is stored encrypted. */
public interface AppPasswords {

    /**
     * @param subject       the identity provider's subject of the user
     * @param nextcloudUser the login name Nextcloud reported with the app password
     * @param appPassword   the app password (plain here, encrypted at rest)
     * @param scopes        the scopes the user granted when provisioning (rendered, e.g. {@code notes:read})
     * @param createdAt     when it was stored
     */
    record Grant(String subject, String nextcloudUser, String appPassword, Set<String> scopes, Instant createdAt) {
        public Grant {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Grant[subject=" + subject + ", nextcloudUser=" + nextcloudUser + ", scopes=" + scopes + "]";
        }
    }

    Optional<Grant> find(String subject);

    /** Inserts or replaces the grant of {@code grant.subject()}. */
    void save(Grant grant);

    /** @return whether a grant was deleted */
    boolean delete(String subject);
}
