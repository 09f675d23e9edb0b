package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.config.NextcloudConfig;

/**
 * The Nextcloud the sidecar talks to: its base URL as the sidecar reaches it, and the account of
 * {@code app-password} mode. {@link #toString()} never shows the password.
 *
 * @param baseUrl  for example {@code https://cloud.example.com}
 * @param user     the login of {@code app-password} mode (empty in the other modes)
 * @param password its app password (empty in the other modes)
 */
public record NextcloudTarget(String baseUrl, String user, String password) {

    /** The configured Nextcloud ({@code nextcloud.url}, {@code nextcloud.user}, {@code nextcloud.password}). */
    public static NextcloudTarget configured(NextcloudConfig config) {
        return new NextcloudTarget(config.url().orElseThrow().toString(), config.user(), config.password());
    }

    @Override
    public String toString() {
        return "NextcloudTarget[baseUrl=" + baseUrl + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
