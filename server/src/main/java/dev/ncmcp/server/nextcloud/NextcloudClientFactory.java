package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.NextcloudClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
        String token = Base64.getEncoder().encodeToString((login + ":" + appPassword).getBytes(StandardCharsets.UTF_8));
        return new HttpNextcloudClient(http, principals, login, "Basic " + token);
    }

    /** A client without credentials, for the public endpoints of Login Flow v2. */
    public NextcloudClient anonymous() {
        return new HttpNextcloudClient(http, principals, "anonymous", null);
    }

    /** A client that forwards a bearer token (used by the bearer and token-exchange modes). */
    public NextcloudClient bearer(String login, String accessToken) {
        return new HttpNextcloudClient(http, principals, login, "Bearer " + accessToken);
    }
}
