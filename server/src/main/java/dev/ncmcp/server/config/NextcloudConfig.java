package dev.ncmcp.server.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where Nextcloud is and how the sidecar authenticates to it ({@code nextcloud.*}).
 *
 * @param url            base URL; empty means demo mode against the demo Nextcloud (see {@code demo.directory})
 * @param mode           how calls are authenticated
 * @param user           login name for {@code app-password} mode
 * @param password       app password for {@code app-password} mode (never logged)
 * @param verifyTls      {@code nextcloud.tls.verify}
 * @param caBundle       {@code nextcloud.tls.ca}, a PEM file of extra CAs
 * @param connectTimeout {@code nextcloud.timeout.connect} in seconds
 * @param requestTimeout {@code nextcloud.timeout.request} in seconds
 * @param retries        {@code nextcloud.retries} for 429/503 and connection failures
 * @param exchangeAudience {@code nextcloud.exchange.audience}: the audience token exchange asks for
 * @param exchangeScopes   {@code nextcloud.exchange.scopes}: extra scopes for token exchange (e.g. one that
 *                         maps that audience)
 * @param publicUrl        {@code nextcloud.public.url}: Nextcloud as users' browsers reach it, when the
 *                         sidecar uses an internal address (Login Flow v2 URLs are rewritten to it)
 */
public record NextcloudConfig(Optional<URI> url, AuthMode mode, String user, String password, boolean verifyTls,
                              Path caBundle, Duration connectTimeout, Duration requestTimeout, int retries,
                              String exchangeAudience, List<String> exchangeScopes, Optional<URI> publicUrl) {

    /** {@code nextcloud.auth.mode}. */
    public enum AuthMode {
        /** One configured user and app password. */
        APP_PASSWORD("app-password"),
        /** The caller's bearer token is forwarded to Nextcloud (user_oidc). */
        BEARER("bearer"),
        /** RFC 8693: the caller's token is exchanged for one with Nextcloud's audience. */
        TOKEN_EXCHANGE("token-exchange"),
        /** Per-user app passwords obtained through Login Flow v2 and kept encrypted in the store. */
        LOGIN_FLOW("login-flow");

        private final String key;

        AuthMode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static AuthMode parse(String value) {
            for (AuthMode mode : values()) {
                if (mode.key.equals(value)) {
                    return mode;
                }
            }
            throw ConfigProblem.forKey("nextcloud.auth.mode", "unknown mode '" + value + "'; supported: "
                    + "app-password, bearer, token-exchange, login-flow");
        }
    }

    static NextcloudConfig from(ConfigValues values) {
        Optional<URI> url = values.text("nextcloud.url").map(text -> parseUrl(text, "nextcloud.url"));
        AuthMode mode = AuthMode.parse(values.text("nextcloud.auth.mode", "app-password"));
        String user = values.text("nextcloud.user", "");
        String password = values.text("nextcloud.password", "");
        if (url.isPresent() && mode == AuthMode.APP_PASSWORD) {
            if (user.isEmpty()) {
                throw ConfigProblem.forKey("nextcloud.user", "required when nextcloud.url is set in app-password mode");
            }
            if (password.isEmpty()) {
                throw ConfigProblem.forKey("nextcloud.password", "required when nextcloud.url is set in app-password "
                        + "mode (create an app password under Settings → Security in Nextcloud)");
            }
        }
        Path ca = values.text("nextcloud.tls.ca").map(Path::of).orElse(null);
        if (ca != null && !Files.isReadable(ca)) {
            throw ConfigProblem.forKey("nextcloud.tls.ca", "cannot read CA bundle " + ca);
        }
        return new NextcloudConfig(url, mode, user, password,
                values.bool("nextcloud.tls.verify", true), ca,
                Duration.ofSeconds(values.integer("nextcloud.timeout.connect", 5, 1, 300)),
                Duration.ofSeconds(values.integer("nextcloud.timeout.request", 30, 1, 3600)),
                values.integer("nextcloud.retries", 2, 0, 10),
                values.text("nextcloud.exchange.audience", "nextcloud"),
                values.list("nextcloud.exchange.scopes", List.of()),
                values.text("nextcloud.public.url").map(text -> parseUrl(text, "nextcloud.public.url")));
    }

    private static URI parseUrl(String text, String key) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw ConfigProblem.forKey(key, "expected an http(s) URL such as https://cloud.example.com, "
                        + "got '" + text + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ConfigProblem.forKey(key, "not a URL: '" + text + "'");
        }
    }

    public boolean demo() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return "NextcloudConfig[url=" + url.map(URI::toString).orElse("(demo)") + ", mode=" + mode.key()
                + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
