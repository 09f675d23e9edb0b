package dev.ncmcp.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One request to the identity provider and its answer, shared by the security layer's {@link IdpHttp} and the
 * authorization facade's HTTP client: the body is read as UTF-8 text and capped at 1 MiB; method, URL and status
 * are logged at DEBUG, never headers or bodies (they carry tokens and secrets).
 */
public final class IdpExchange {
    /** The largest body read from the identity provider. */
    public static final int MAX_BODY = 1 << 20;

    /** An answer: status, body (text, possibly empty) and headers. */
    public record Answer(int status, String body, HttpHeaders headers) {
    }

    private IdpExchange() {
    }

    /**
     * The {@code Authorization} header for client credentials (RFC 6749 §2.3.1: id and secret are
     * form-encoded before Base64).
     */
    public static String clientBasic(String clientId, String clientSecret) {
        String pair = java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(clientSecret, java.nio.charset.StandardCharsets.UTF_8);
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Sends the request with the client. Failures, including a body over {@link #MAX_BODY}, are reported as an
     * {@link IOException} with the message {@code "<label>: <detail>"}; an interruption keeps the interrupt flag and
     * is reported as {@code "interrupted while calling <uri>"}.
     *
     * @param log   where the method, URL and status go (DEBUG)
     * @param label what a failure message starts with, for example the URL or the method and the URL
     */
    public static Answer send(HttpClient client, HttpRequest request, System.Logger log, String label)
            throws IOException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_BODY + 1);
            }
            if (bytes.length > MAX_BODY) {
                throw new IOException(request.uri() + " answered with more than " + MAX_BODY + " bytes");
            }
            log.log(System.Logger.Level.DEBUG, () -> request.method() + " " + request.uri() + " -> "
                    + response.statusCode());
            return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(label + ": " + detail, e);
        }
    }
}
