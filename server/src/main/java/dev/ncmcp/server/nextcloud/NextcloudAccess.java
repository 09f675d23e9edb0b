package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.nextcloud.NextcloudClient;

import java.util.Set;

/** Gives the features a Nextcloud client acting as a caller; one implementation per {@code nextcloud.auth.mode}. */
@FunctionalInterface
public interface NextcloudAccess {

    /**
     * A client acting as {@code caller}. Cheap: the credential is resolved when the client first sends, so a
     * failure (not connected yet, exchange refused) surfaces there as a
     * {@link dev.ncmcp.spi.nextcloud.NextcloudException}.
     *
     * @param scopes the scopes of the tool, resource or prompt being served; token exchange asks the identity
     *               provider for exactly these
     */
    NextcloudClient clientFor(AuthenticatedCaller caller, Set<Scope> scopes);
}
