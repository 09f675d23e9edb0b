package dev.ncmcp.spi.nextcloud;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response from Nextcloud.
 *
 * @param status  HTTP status
 * @param headers response headers (names as received)
 * @param body    response body
 */
public record NextcloudResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public NextcloudResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().getFirst());
            }
        }
        return Optional.empty();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as JSON; a body that is not JSON (also an empty one, as Tables' 404s) is an upstream error the model is
     * told about.
     */
    public JsonValue json() throws NextcloudException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new NextcloudException(dev.ncmcp.spi.ToolException.Kind.UPSTREAM_ERROR,
                    "Nextcloud answered HTTP " + status + " with a body that is not JSON", e);
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
