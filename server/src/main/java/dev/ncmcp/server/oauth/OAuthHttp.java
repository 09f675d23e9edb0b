package dev.ncmcp.server.oauth;

import dev.ncmcp.server.security.IdpExchange;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facade's HTTP client towards the identity provider: 5 s to connect, 15 s per request, no redirects, bodies
 * capped at 1 MiB. Logs method, URL and status only; tokens and secrets travel in headers and bodies, never logged.
 */
final class OAuthHttp {
    private static final System.Logger LOG = System.getLogger(OAuthHttp.class.getName());

    /** A response: status, body (possibly empty) and the {@code Retry-After} header if any. */
    record Response(int status, String body, Optional<String> retryAfter) {

        /** The body as a JSON object; empty when it is not one. */
        Optional<JsonObject> json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return Optional.of(reader.readObject());
            } catch (JsonException | IllegalStateException e) {
                return Optional.empty();
            }
        }

        /** The OAuth {@code error} code of an error body, or {@code "http_<status>"}. */
        String error() {
            return json().map(o -> o.getString("error", null)).orElse("http_" + status);
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static String basic(String user, String password) {
        return IdpExchange.clientBasic(user, password);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Response get(URI uri, String authorization) throws IOException {
        return send(base(uri, authorization).GET().build());
    }

    Response delete(URI uri, String authorization) throws IOException {
        return send(base(uri, authorization).DELETE().build());
    }

    Response postForm(URI uri, String authorization, Map<String, String> fields) throws IOException {
        return send(base(uri, authorization).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8)).build());
    }

    Response postJson(URI uri, String authorization, JsonObject body) throws IOException {
        return send(base(uri, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private static HttpRequest.Builder base(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Response send(HttpRequest request) throws IOException {
        IdpExchange.Answer answer = IdpExchange.send(client, request, LOG, request.method() + " " + request.uri());
        return new Response(answer.status(), answer.body(), answer.headers().firstValue("Retry-After"));
    }
}
