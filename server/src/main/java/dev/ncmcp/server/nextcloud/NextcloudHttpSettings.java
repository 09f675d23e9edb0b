package dev.ncmcp.server.nextcloud;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sidecar reaches Nextcloud: one set of settings for every Nextcloud-bound call.
 *
 * @param baseUrl        Nextcloud base URL as the sidecar reaches it, without trailing slash
 * @param verifyTls      verify server certificates and host names (only switch off for tests)
 * @param caBundle       extra PEM CA certificates to trust, or {@code null}
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout whole-request timeout
 * @param maxRetries     retries of 429/503 and connection failures of idempotent requests
 * @param maxRetryDelay  longest wait between retries, also the cap for {@code Retry-After}
 */
public record NextcloudHttpSettings(URI baseUrl, boolean verifyTls, Path caBundle, Duration connectTimeout,
                                    Duration requestTimeout, int maxRetries, Duration maxRetryDelay) {

    public NextcloudHttpSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String text = baseUrl.toString();
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("Nextcloud URL must be http or https: " + text);
        }
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private URI baseUrl;
        private boolean verifyTls = true;
        private Path caBundle;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private Duration maxRetryDelay = Duration.ofSeconds(10);

        public Builder baseUrl(String url) {
            this.baseUrl = URI.create(url);
            return this;
        }

        public Builder verifyTls(boolean verify) {
            this.verifyTls = verify;
            return this;
        }

        public Builder caBundle(Path pem) {
            this.caBundle = pem;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder maxRetries(int retries) {
            this.maxRetries = retries;
            return this;
        }

        public Builder maxRetryDelay(Duration delay) {
            this.maxRetryDelay = delay;
            return this;
        }

        public NextcloudHttpSettings build() {
            return new NextcloudHttpSettings(baseUrl, verifyTls, caBundle, connectTimeout, requestTimeout,
                    maxRetries, maxRetryDelay);
        }
    }
}
