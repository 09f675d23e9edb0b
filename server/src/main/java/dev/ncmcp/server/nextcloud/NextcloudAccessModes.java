package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;

/** How a call reaches Nextcloud as its caller, one factory method per {@code nextcloud.auth.mode}. */
final class NextcloudAccessModes {

    private NextcloudAccessModes() {
    }

    /** {@code app-password}: every call uses the one configured user. */
    static NextcloudAccess appPassword(NextcloudClientFactory factory, String user, String appPassword) {
        NextcloudClient client = factory.appPassword(user, appPassword);
        return (caller, scopes) -> client;
    }

    /** {@code bearer}: the caller's own token is forwarded (Nextcloud's user_oidc validates it). */
    static NextcloudAccess bearer(NextcloudClientFactory factory) {
        return (caller, scopes) -> factory.client(caller.caller().nextcloudUser(),
                () -> "Bearer " + token(caller));
    }

    /** {@code token-exchange}: the caller's token is exchanged for one whose audience is Nextcloud. */
    static NextcloudAccess tokenExchange(NextcloudClientFactory factory, TokenExchanger exchanger) {
        return (caller, scopes) -> factory.client(caller.caller().nextcloudUser(),
                () -> "Bearer " + exchanger.exchange(caller.caller().subject(), token(caller), scopes));
    }

    /** {@code login-flow}: each user's own app password, obtained through Login Flow v2 and stored encrypted. */
    static NextcloudAccess loginFlow(NextcloudClientFactory factory, AppPasswords grants) {
        return (caller, scopes) -> factory.client(caller.caller().nextcloudUser(), () -> {
            AppPasswords.Grant grant = grants.find(caller.caller().subject()).orElseThrow(() -> new NextcloudException(
                    Kind.AUTHENTICATION, "Nextcloud is not connected for this user yet. Call nc_auth_provision_access "
                    + "to connect the user's Nextcloud account, then try again."));
            return Credential.basic(grant.nextcloudUser(), grant.appPassword()).authorization();
        });
    }

    private static String token(AuthenticatedCaller caller) throws NextcloudException {
        return caller.bearerToken().orElseThrow(() -> new NextcloudException(Kind.AUTHENTICATION,
                "This call carries no bearer token to act on Nextcloud with."));
    }
}
