package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Login Flow v2 sessions: started, waiting for the user's grant in the browser. One per subject. */
public interface LoginFlows {

    /**
     * @param subject      the user who started it
     * @param pollToken    Login Flow v2 poll token (secret, encrypted at rest)
     * @param pollEndpoint where to poll
     * @param loginUrl     the URL the user opens (already rewritten to the public Nextcloud URL)
     * @param scopes       the scopes the grant will carry
     * @param expiresAt    Nextcloud forgets the flow after 20 minutes
     */
    record Session(String subject, String pollToken, String pollEndpoint, String loginUrl, Set<String> scopes,
                   Instant expiresAt) {
        public Session {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Session[subject=" + subject + ", loginUrl=" + loginUrl + ", scopes=" + scopes + ", expiresAt="
                    + expiresAt + "]";
        }
    }

    Optional<Session> find(String subject);

    /** Inserts or replaces the session of {@code session.subject()}. */
    void save(Session session);

    boolean delete(String subject);
}
