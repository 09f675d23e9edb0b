package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A small HTTP client for the simulator tests: requests as one user, headers as name/value pairs.
 */
public final class SimHttp {
    private final HttpClient client = HttpClient.newHttpClient();
    private final NextcloudSimulator sim;
    private final String authorization;

    public SimHttp(NextcloudSimulator sim, String user, String password) {
        this.sim = sim;
        this.authorization = BasicAuth.basicHeader(user, password);
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        try {
            return client.send(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body,
                                                             String... headers) {
        return client.sendAsync(request(method, path, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request to an {@code index.php} app route. */
    public HttpResponse<String> json(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    public static JsonValue parse(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    private HttpRequest request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }
}
