package dev.ncmcp.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * A hand-written identity provider on 127.0.0.1: discovery (OpenID and RFC 8414), JWKS with keys the test
 * controls, introspection with a basic-auth check, userinfo. Counts requests per endpoint.
 */
public final class TestIdp implements AutoCloseable {
    public static final String CLIENT_ID = "mcp-sidecar";
    public static final String CLIENT_SECRET = "sidecar-secret";
    static final String REALM = "/realms/test";

    private final HttpServer server;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    public final List<TestKeys> published = new CopyOnWriteArrayList<>();
    /** Introspection answers by token; unknown tokens are {@code active:false}. */
    final Map<String, JsonObject> introspection = new ConcurrentHashMap<>();
    /** Userinfo answers by token; unknown tokens get 400 as Nextcloud's oidc app answers. */
    final Map<String, JsonObject> userinfo = new ConcurrentHashMap<>();
    public volatile boolean available = true;
    volatile boolean openidDiscovery = true;
    volatile boolean introspectionAdvertised = true;
    volatile String claimedIssuer;

    public TestIdp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + REALM);
    }

    int count(String endpoint) {
        return counts.getOrDefault(endpoint, new AtomicInteger()).get();
    }

    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void resetCounts() {
        counts.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String endpoint = switch (path) {
                case REALM + "/.well-known/openid-configuration" -> "openid-configuration";
                case "/.well-known/oauth-authorization-server" + REALM -> "oauth-authorization-server";
                case REALM + "/certs" -> "jwks";
                case REALM + "/introspect" -> "introspect";
                case REALM + "/userinfo" -> "userinfo";
                default -> "other";
            };
            counts.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
            if (!available) {
                send(exchange, 503, "{\"error\":\"starting\"}");
                return;
            }
            switch (endpoint) {
                case "openid-configuration" -> {
                    if (openidDiscovery) {
                        send(exchange, 200, discovery().toString());
                    } else {
                        send(exchange, 404, "{}");
                    }
                }
                case "oauth-authorization-server" -> send(exchange, 200, discovery().toString());
                case "jwks" -> {
                    JsonArrayBuilder keys = Json.createArrayBuilder();
                    published.forEach(k -> keys.add(k.jwk(!k.alg().equals("RS256"))));
                    send(exchange, 200, Json.createObjectBuilder().add("keys", keys).build().toString());
                }
                case "introspect" -> introspect(exchange);
                case "userinfo" -> {
                    String header = exchange.getRequestHeaders().getFirst("Authorization");
                    JsonObject answer = header == null || !header.startsWith("Bearer ") ? null
                            : userinfo.get(header.substring(7));
                    if (answer == null) {
                        send(exchange, 400, "{\"message\":\"invalid token\"}");
                    } else {
                        send(exchange, 200, answer.toString());
                    }
                }
                default -> send(exchange, 404, "{}");
            }
        }
    }

    private void introspect(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = new HashMap<>();
        try (InputStream in = exchange.getRequestBody()) {
            for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        JsonObject answer = introspection.get(form.getOrDefault("token", ""));
        send(exchange, 200, answer != null && "access_token".equals(form.get("token_type_hint"))
                ? answer.toString() : "{\"active\":false}");
    }

    private JsonObject discovery() {
        String issuer = issuer().toString();
        var builder = Json.createObjectBuilder()
                .add("issuer", claimedIssuer != null ? claimedIssuer : issuer)
                .add("authorization_endpoint", issuer + "/auth")
                .add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/certs")
                .add("userinfo_endpoint", issuer + "/userinfo")
                .add("registration_endpoint", issuer + "/clients-registrations/openid-connect")
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                        .add("refresh_token").add("urn:ietf:params:oauth:grant-type:token-exchange"));
        if (introspectionAdvertised) {
            builder.add("introspection_endpoint", issuer + "/introspect");
        }
        return builder.build();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
