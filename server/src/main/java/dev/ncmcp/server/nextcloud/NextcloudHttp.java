package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one HTTP client of every Nextcloud-bound call: base URL, TLS, timeouts, keep-alive (the JDK
 * client pools connections), and retries of 429/503 honouring {@code Retry-After}. Failures no
 * plugin can handle become {@link NextcloudException}s whose message names what failed.
 */
final class NextcloudHttp {

    private static final System.Logger LOG = System.getLogger(NextcloudHttp.class.getName());
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PROPFIND",
            "REPORT", "SEARCH");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    private static final Duration BASE_BACKOFF = Duration.ofMillis(200);

    private final NextcloudHttpSettings settings;
    private final HttpClient client;

    NextcloudHttp(NextcloudHttpSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TlsContexts.create(settings.verifyTls(), settings.caBundle()))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    String baseUrl() {
        return settings.baseUrl().toString();
    }

    NextcloudResponse send(NextcloudRequest request, String authorization, String user) throws NextcloudException {
        HttpRequest httpRequest = toHttpRequest(request, authorization);
        int attempt = 0;
        while (true) {
            NextcloudResponse response;
            try {
                response = exchange(httpRequest);
            } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
                if (attempt < settings.maxRetries()) {
                    sleep(backoff(attempt++));
                    continue;
                }
                throw new NextcloudException(Kind.UNAVAILABLE, "Nextcloud at " + baseUrl() + " is unreachable ("
                        + describe(e) + ") while calling " + request + ". Try again later or ask the operator to "
                        + "check the Nextcloud URL.", e);
            } catch (HttpTimeoutException e) {
                if (IDEMPOTENT.contains(request.method()) && attempt < settings.maxRetries()) {
                    sleep(backoff(attempt++));
                    continue;
                }
                throw new NextcloudException(Kind.UNAVAILABLE, "Nextcloud did not answer " + request + " within "
                        + settings.requestTimeout().toSeconds() + " s.", e);
            } catch (IOException e) {
                if (IDEMPOTENT.contains(request.method()) && attempt < settings.maxRetries()) {
                    sleep(backoff(attempt++));
                    continue;
                }
                throw new NextcloudException(Kind.UNAVAILABLE, "The connection to Nextcloud failed during "
                        + request + " (" + describe(e) + ").", e);
            }

            int status = response.status();
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(response).orElse(backoff(attempt));
                // WebDAV says "maintenance" in a Sabre body, without the header: no use retrying either
                boolean maintenance = response.header("X-Nextcloud-Maintenance-Mode").isPresent()
                        || Refusal.of(response).maintenance();
                if (!maintenance && attempt < settings.maxRetries() && wait.compareTo(settings.maxRetryDelay()) <= 0) {
                    LOG.log(System.Logger.Level.DEBUG, "Nextcloud answered {0} to {1}; retrying in {2} ms",
                            status, request, wait.toMillis());
                    attempt++;
                    sleep(wait);
                    continue;
                }
                throw unavailable(request, response, maintenance);
            }
            if (status == 401) {
                throw new NextcloudException(Kind.AUTHENTICATION, "Nextcloud rejected the credentials of user '"
                        + user + "' (HTTP 401 on " + request + "). The app password may have been revoked; the "
                        + "operator or user must provide a valid one.");
            }
            // 501 says "this server does not implement that method" (Apache for SEARCH, Nextcloud for POST) and
            // 507 "not enough storage" (the quota): not outages, so the plugin gets to explain them.
            if (status >= 500 && status != 501 && status != 507) {
                throw unavailable(request, response, false);
            }
            return response;
        }
    }

    private NextcloudResponse exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new NextcloudResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private NextcloudException unavailable(NextcloudRequest request, NextcloudResponse response, boolean maintenance) {
        if (maintenance) {
            return new NextcloudException(Kind.UNAVAILABLE, "Nextcloud is in maintenance mode (HTTP "
                    + response.status() + " on " + request + "). Try again after the maintenance ends.");
        }
        String retry = retryAfter(response).map(d -> " It asked to retry after " + d.toSeconds() + " s.").orElse("");
        return new NextcloudException(Kind.UNAVAILABLE, "Nextcloud is unavailable: HTTP " + response.status()
                + " on " + request + "." + retry);
    }

    private HttpRequest toHttpRequest(NextcloudRequest request, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
                .timeout(settings.requestTimeout())
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        builder.header("User-Agent", "ncmcp");
        return builder.build();
    }

    URI uri(NextcloudRequest request) {
        StringBuilder url = new StringBuilder(baseUrl()).append(request.path());
        if (!request.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&");
            request.query().forEach((name, values) -> values.forEach(value -> query.add(encode(name) + "="
                    + encode(value))));
            url.append(request.path().contains("?") ? '&' : '?').append(query);
        }
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static java.util.Optional<Duration> retryAfter(NextcloudResponse response) {
        return response.header("Retry-After").flatMap(value -> {
            String trimmed = value.trim();
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(trimmed,
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(java.time.ZonedDateTime.now(when.getZone()), when);
                    return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (java.time.format.DateTimeParseException notDate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << Math.min(attempt, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleep(Duration duration) throws NextcloudException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NextcloudException(Kind.UNAVAILABLE, "interrupted while waiting to retry a Nextcloud call", e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
