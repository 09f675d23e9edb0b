package dev.ncmcp.server.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} the security layer talks to the identity provider with: 5 s to connect,
 * 10 s per request, no redirects, bodies capped at 1 MiB. Logs the URL and status only, never a token
 * or a secret (callers pass those in headers and form bodies, which are not logged).
 */
final class IdpHttp {
    private static final System.Logger LOG = System.getLogger(IdpHttp.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A response: status and body (text, possibly empty). */
    record Response(int status, String body) {
        boolean ok() {
            return status == 200;
        }

        /** The body as a JSON object, or an {@link IOException} naming the URL when it is not one. */
        JsonObject json(URI from) throws IOException {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new IOException(from + " did not answer with a JSON object");
            }
        }
    }

    private final HttpClient client;

    IdpHttp() {
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Response get(URI uri, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Response postForm(URI uri, String authorization, String form) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private Response send(HttpRequest request) throws IOException {
        IdpExchange.Answer answer = IdpExchange.send(client, request, LOG, request.uri().toString());
        return new Response(answer.status(), answer.body());
    }
}
