package dev.ncmcp.e2e.oauth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends 2026-07-28 MCP requests over HTTP the way a real client does — {@code MCP-Protocol-Version},
 * {@code Mcp-Method}, {@code Mcp-Name} headers and the {@code _meta} block — with an optional bearer token.
 */
public final class McpHttp {

    static final String MODERN = "2026-07-28";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong ids = new AtomicLong();

    public McpHttp(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** An answer: status, headers (lower-case names, first value) and the JSON-RPC message, if any. */
    public record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The JSON-RPC message: the body, or the last {@code data:} event of an SSE stream. */
        JsonObject json() {
            String contentType = headers.getOrDefault("content-type", "");
            String text = body;
            if (contentType.startsWith("text/event-stream")) {
                List<String> events = new ArrayList<>();
                for (String block : body.split("\r?\n\r?\n")) {
                    StringBuilder data = new StringBuilder();
                    for (String line : block.split("\r?\n")) {
                        if (line.startsWith("data:")) {
                            data.append(line.substring(5).stripLeading());
                        }
                    }
                    if (!data.isEmpty()) {
                        events.add(data.toString());
                    }
                }
                if (events.isEmpty()) {
                    throw new AssertionError("an event stream without data: " + body);
                }
                text = events.getLast();
            }
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public JsonObject result() {
            JsonObject json = json();
            if (!json.containsKey("result")) {
                throw new AssertionError("no result in " + json);
            }
            return json.getJsonObject("result");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " " + body;
        }
    }

    /**
     * {@code tools/list} followed through its pages: the first page's answer with every page's tools and no
     * {@code nextCursor}; an answer that is not a result is returned as it came.
     */
    public Reply toolsList(String token) {
        Reply first = request(token, "tools/list", JsonValue.EMPTY_JSON_OBJECT);
        if (first.status() != 200 || !first.json().containsKey("result")) {
            return first;
        }
        JsonObject message = first.json();
        JsonArrayBuilder tools = Json.createArrayBuilder(message.getJsonObject("result").getJsonArray("tools"));
        Reply page = first;
        while (page.result().containsKey("nextCursor")) {
            page = request(token, "tools/list", Json.createObjectBuilder()
                    .add("cursor", page.result().getString("nextCursor")).build());
            page.result().getJsonArray("tools").forEach(tools::add);
        }
        JsonObject result = Json.createObjectBuilder(message.getJsonObject("result")).remove("nextCursor")
                .add("tools", tools).build();
        Map<String, String> headers = new LinkedHashMap<>(first.headers());
        headers.put("content-type", "application/json");
        return new Reply(first.status(), headers, Json.createObjectBuilder(message).add("result", result).build()
                .toString());
    }

    public Reply callTool(String token, String name, JsonObject arguments) {
        return request(token, "tools/call", Json.createObjectBuilder().add("name", name).add("arguments", arguments)
                .build());
    }

    /** A modern request: the required {@code _meta} merged into params, the headers derived from the body. */
    Reply request(String token, String method, JsonObject params) {
        JsonObjectBuilder p = Json.createObjectBuilder(params);
        p.add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", MODERN)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder()
                        .add("name", "ncmcp-e2e-oauth").add("version", "0.1.0"))
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT));
        JsonObject body = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", ids.incrementAndGet())
                .add("method", method)
                .add("params", p)
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", MODERN);
        headers.put("Mcp-Method", method);
        if (params.containsKey("name") && params.get("name").getValueType() == JsonValue.ValueType.STRING) {
            headers.put("Mcp-Name", params.getString("name"));
        } else if (params.containsKey("uri") && params.get("uri").getValueType() == JsonValue.ValueType.STRING) {
            headers.put("Mcp-Name", params.getString("uri"));
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return post(body.toString(), headers);
    }

    Reply post(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
                }
            });
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
