package dev.ncmcp.server.transport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Sends MCP requests in the shapes real clients use, and loads the spec's JSON examples. */
public final class McpClient {
    public static final String MODERN = "2026-07-28";

    private final Http1Client client;

    public McpClient(Http1Client client) {
        this.client = client;
    }

    /** A reply: status, a few headers, the raw body and, when it is JSON, the parsed object. */
    public record Reply(Status status, String contentType, Map<String, String> headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonObject result() {
            return json().getJsonObject("result");
        }

        public JsonObject error() {
            return json().getJsonObject("error");
        }

        public int errorCode() {
            return error().getInt("code");
        }

        /** SSE events' data, in order. */
        public List<JsonObject> events() {
            List<JsonObject> events = new ArrayList<>();
            for (String block : body.split("\r?\n\r?\n")) {
                StringBuilder data = new StringBuilder();
                for (String line : block.split("\r?\n")) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).stripLeading());
                    }
                }
                if (!data.isEmpty()) {
                    events.add(Json.createReader(new StringReader(data.toString())).readObject());
                }
            }
            return events;
        }
    }

    public static JsonObject meta() {
        return Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", MODERN)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "test").add("version", "1"))
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT)
                .build();
    }

    /** A modern request with the required {@code _meta} merged into params. */
    public static JsonObject modernRequest(Object id, String method, JsonObject params) {
        JsonObjectBuilder p = Json.createObjectBuilder(params);
        JsonObjectBuilder meta = Json.createObjectBuilder(meta());
        if (params.get("_meta") instanceof JsonObject extra) {
            extra.forEach(meta::add);
        }
        p.add("_meta", meta);
        return request(id, method, p.build());
    }

    public static JsonObject request(Object id, String method, JsonObject params) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("jsonrpc", "2.0");
        if (id instanceof Number n) {
            b.add("id", n.longValue());
        } else if (id != null) {
            b.add("id", id.toString());
        }
        b.add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    /** The headers a 2026-07-28 client derives from the body. */
    public static Map<String, String> modernHeaders(JsonObject body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", MODERN);
        headers.put("Mcp-Method", body.getString("method"));
        JsonObject params = body.getJsonObject("params");
        if (params != null) {
            if (params.containsKey("name") && params.get("name").getValueType() == JsonValue.ValueType.STRING) {
                headers.put("Mcp-Name", params.getString("name"));
            } else if (params.containsKey("uri") && params.get("uri").getValueType() == JsonValue.ValueType.STRING) {
                headers.put("Mcp-Name", params.getString("uri"));
            }
        }
        return headers;
    }

    public Reply modern(JsonObject body) {
        return post(body.toString(), modernHeaders(body));
    }

    public Reply modern(String method, JsonObject params) {
        return modern(modernRequest(1, method, params));
    }

    public Reply legacy(String version, JsonObject body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (version != null) {
            headers.put("MCP-Protocol-Version", version);
        }
        return post(body.toString(), headers);
    }

    public Reply post(String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json, text/event-stream");
        // a fresh connection per request: a pooled connection the server closed after an earlier error reply
        // (for example an unread body) must not make an unrelated test fail under load
        all.put("Connection", "close");
        all.putAll(headers);
        Http1ClientRequest request = client.post("/mcp");
        all.forEach((name, value) -> {
            if (value != null) {
                request.header(HeaderNames.create(name), value);
            }
        });
        try (Http1ClientResponse response = request.submit(body)) {
            return reply(response);
        }
    }

    public Reply send(String method) {
        try (Http1ClientResponse response = client.method(io.helidon.http.Method.create(method)).path("/mcp").request()) {
            return reply(response);
        }
    }

    private static Reply reply(Http1ClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.put(h.name().toLowerCase(java.util.Locale.ROOT), h.get()));
        String text;
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            text = readStream(response);
        } else {
            text = response.entity().hasEntity() ? response.as(String.class) : "";
        }
        return new Reply(response.status(), headers.getOrDefault("content-type", ""), headers, text);
    }

    /** An SSE body has no length; it ends when the server closes the connection. */
    private static String readStream(Http1ClientResponse response) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = response.inputStream()) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException endOfStream) {
            // the connection closed after the last event
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The spec's schema examples (a copy of the published 2026-07-28 examples in the test resources). */
    public static JsonObject example(String type, String file) {
        String resource = "/mcp-spec/2026-07-28/schema/examples/" + type + "/" + file;
        try (var in = McpClient.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example " + resource + " not found on the test classpath");
            }
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
