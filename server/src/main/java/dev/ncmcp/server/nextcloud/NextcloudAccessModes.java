package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.function.Function;

/** How a call reaches Nextcloud as its caller, one factory method per {@code nextcloud.auth.mode}. */
public final class NextcloudAccessModes {

    private NextcloudAccessModes() {
    }

    /** {@code app-password}: every call uses the one configured user. */
    public static NextcloudAccess appPassword(NextcloudClientFactory factory, String user, String appPassword) {
        NextcloudClient client = factory.appPassword(user, appPassword);
        return (request, caller, scopes) -> client;
    }

    /** {@code bearer}: the caller's own token is forwarded (Nextcloud's user_oidc validates it). */
    public static NextcloudAccess bearer(NextcloudClientFactory factory,
                                         Function<ServerRequest, Optional<String>> callerToken) {
        return (request, caller, scopes) -> factory.bearer(caller.nextcloudUser(), token(callerToken, request));
    }

    /** {@code token-exchange}: the caller's token is exchanged for one whose audience is Nextcloud. */
    public static NextcloudAccess tokenExchange(NextcloudClientFactory factory, TokenExchanger exchanger,
                                                Function<ServerRequest, Optional<String>> callerToken) {
        return (request, caller, scopes) -> factory.bearer(caller.nextcloudUser(),
                exchanger.exchange(caller.subject(), token(callerToken, request), scopes));
    }

    /** {@code login-flow}: each user's own app password, obtained through Login Flow v2 and stored encrypted. */
    public static NextcloudAccess loginFlow(NextcloudClientFactory factory, AppPasswords grants) {
        return (request, caller, scopes) -> {
            AppPasswords.Grant grant = grants.find(caller.subject()).orElseThrow(() -> new NextcloudException(
                    Kind.AUTHENTICATION, "Nextcloud is not connected for this user yet. Call nc_auth_provision_access "
                    + "to connect the user's Nextcloud account, then try again."));
            return factory.appPassword(grant.nextcloudUser(), grant.appPassword());
        };
    }

    private static String token(Function<ServerRequest, Optional<String>> callerToken, ServerRequest request)
            throws NextcloudException {
        return callerToken.apply(request).orElseThrow(() -> new NextcloudException(Kind.AUTHENTICATION,
                "This call carries no bearer token to act on Nextcloud with."));
    }
}
