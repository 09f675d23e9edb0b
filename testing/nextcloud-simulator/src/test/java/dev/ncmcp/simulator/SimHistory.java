package dev.ncmcp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests a prelude sends to bring a fresh simulator into the state a capture folder started from. */
final class SimHistory {
    private SimHistory() {
    }

    /** Sends a request as {@code user} and returns the answer's body; anything but 2xx fails the prelude. */
    static String send(NextcloudSimulator sim, String user, String password, String method, String path,
                       String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("OCS-APIREQUEST", "true")
                .header("Authorization", BasicAuth.basicHeader(user, password))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String asBob(NextcloudSimulator sim, String method, String path, String contentType, String body) {
        return send(sim, "bob", CaptureReplayer.BOB_PASSWORD, method, path, contentType, body);
    }

    static String asAdmin(NextcloudSimulator sim, String method, String path, String contentType, String body) {
        return send(sim, "admin", CaptureReplayer.ADMIN_PASSWORD, method, path, contentType, body);
    }
}
