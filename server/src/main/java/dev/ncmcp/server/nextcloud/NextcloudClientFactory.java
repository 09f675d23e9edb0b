package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.NextcloudClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Creates {@link NextcloudClient}s for users; all of them share one HTTP client and connection pool. */
public final class NextcloudClientFactory {

    private final NextcloudHttp http;
    private final PrincipalDirectory principals;

    private NextcloudClientFactory(NextcloudHttpSettings settings) {
        this.http = new NextcloudHttp(settings);
        this.principals = new PrincipalDirectory(Duration.ofMinutes(10), Clock.systemUTC());
    }

    public static NextcloudClientFactory create(NextcloudHttpSettings settings) {
        return new NextcloudClientFactory(Objects.requireNonNull(settings, "settings"));
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** A client that authenticates with Basic auth: a login name and an app password. */
    public NextcloudClient appPassword(String login, String appPassword) {
        return client(login, Credential.basic(login, appPassword));
    }

    /** A client without credentials, for the public endpoints of Login Flow v2. */
    public NextcloudClient anonymous() {
        return client("anonymous", Credential.ANONYMOUS);
    }

    /** A client that forwards a bearer token. */
    public NextcloudClient bearer(String login, String accessToken) {
        return client(login, Credential.bearer(accessToken));
    }

    /** A client for {@code login} whose credential is resolved when it first sends. */
    NextcloudClient client(String login, Credential credential) {
        return new HttpNextcloudClient(http, principals, login, credential);
    }
}
