package dev.ncmcp.spi;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a tool.
 *
 * @param subject       the identity provider's subject, or the configured user in single-user mode
 * @param nextcloudUser the Nextcloud login name the calls are made as
 * @param grantedScopes the application scopes the caller's token grants
 */
public record Caller(String subject, String nextcloudUser, Set<Scope> grantedScopes) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(nextcloudUser, "nextcloudUser");
        grantedScopes = Set.copyOf(grantedScopes);
    }

    public boolean grants(Scope scope) {
        return grantedScopes.contains(scope);
    }
}
