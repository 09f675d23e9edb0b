package dev.ncmcp.server.idp;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one HTTP client the sidecar talks to identity providers with — discovery, keys, introspection, userinfo,
 * the token endpoint, client registration: 5 s to connect, a timeout per request, no redirects, bodies read as
 * UTF-8 and capped at 1 MiB. Logs method, URL and status at DEBUG, never headers or bodies (they carry tokens and
 * secrets).
 */
public final class IdpHttp {
    private static final System.Logger LOG = System.getLogger(IdpHttp.class.getName());
    /** The largest body read from the identity provider. */
    public static final int MAX_BODY = 1 << 20;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** An answer: status, body (text, possibly empty) and the {@code Retry-After} header if any. */
    public record Response(URI uri, int status, String body, Optional<String> retryAfter) {

        public boolean ok() {
            return status == 200;
        }

        /** The body as a JSON object; empty when it is not one. */
        public Optional<JsonObject> json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return Optional.of(reader.readObject());
            } catch (JsonException | IllegalStateException e) {
                return Optional.empty();
            }
        }

        /** The body as a JSON object, or an {@link IOException} naming the URL when it is not one. */
        public JsonObject requireJson() throws IOException {
            return json().orElseThrow(() -> new IOException(uri + " did not answer with a JSON object"));
        }

        /** The OAuth {@code error} code of an error body, or {@code "http_<status>"}. */
        public String error() {
            return json().map(o -> o.getString("error", null)).orElse("http_" + status);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Duration requestTimeout;

    /** Requests time out after 10 s. */
    public IdpHttp() {
        this(DEFAULT_TIMEOUT);
    }

    public IdpHttp(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * The {@code Authorization} header for client credentials (RFC 6749 §2.3.1: id and secret are form-encoded
     * before Base64).
     */
    public static String clientBasic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code application/x-www-form-urlencoded}, in the map's order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Response get(URI uri, String authorization) throws IOException {
        return send(base(uri, authorization).GET().build());
    }

    public Response delete(URI uri, String authorization) throws IOException {
        return send(base(uri, authorization).DELETE().build());
    }

    public Response postForm(URI uri, String authorization, Map<String, String> fields) throws IOException {
        return send(base(uri, authorization).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8)).build());
    }

    public Response postJson(URI uri, String authorization, JsonObject body) throws IOException {
        return send(base(uri, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder base(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /**
     * Failures, including a body over {@link #MAX_BODY}, are an {@link IOException} whose message starts with the
     * URL; an interruption keeps the interrupt flag.
     */
    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_BODY + 1);
            }
            if (bytes.length > MAX_BODY) {
                throw new IOException(request.uri() + " answered with more than " + MAX_BODY + " bytes");
            }
            LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.uri() + " -> "
                    + response.statusCode());
            return new Response(request.uri(), response.statusCode(), new String(bytes, StandardCharsets.UTF_8),
                    response.headers().firstValue("Retry-After"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(request.method() + " " + request.uri() + ": " + detail, e);
        }
    }
}
