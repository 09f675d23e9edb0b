package dev.ncmcp.server.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written identity provider for the facade: discovery, a token endpoint (authorization code with PKCE and
 * client authentication, rotating refresh tokens), RFC 7591 registration (optionally answering 429 first) and
 * RFC 7592 read/delete. The browser step is played by the test: {@link #approve} issues a code for a state.
 */
final class FakeIdp implements AutoCloseable {
    static final String REALM = "/realms/test";
    static final String STATIC_ID = "mcp-sidecar";
    static final String STATIC_SECRET = "sidecar-secret";

    record IssuedCode(String clientId, String redirectUri, String challenge, String scope) {
    }

    private final HttpServer server;
    /** Client id → secret of every client the IdP knows. */
    final Map<String, String> clients = new ConcurrentHashMap<>(Map.of(STATIC_ID, STATIC_SECRET));
    final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    /** IdP refresh token → client id. */
    final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    final Map<String, String> registrationTokens = new ConcurrentHashMap<>();
    final Map<String, List<String>> registeredRedirects = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger tooManyRequests = new AtomicInteger();
    final AtomicInteger registrations = new AtomicInteger();
    final AtomicInteger counter = new AtomicInteger();
    volatile List<String> scopesSupported = List.of("openid", "notes:read", "notes:write");

    FakeIdp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + REALM);
    }

    /** The user logged in: a code for the authorization request the sidecar sent to {@code /auth}. */
    String approve(URI authorizationRequest) {
        Map<String, List<String>> q = FacadeHttp.parse(authorizationRequest.getRawQuery());
        String code = "idp-code-" + counter.incrementAndGet();
        codes.put(code, new IssuedCode(q.get("client_id").get(0), q.get("redirect_uri").get(0),
                q.get("code_challenge").get(0), q.get("scope").get(0)));
        return code;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            log.add(method + " " + path);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals(REALM + "/.well-known/openid-configuration")) {
                String issuer = issuer().toString();
                var scopes = Json.createArrayBuilder();
                scopesSupported.forEach(scopes::add);
                send(exchange, 200, Json.createObjectBuilder()
                        .add("issuer", issuer)
                        .add("authorization_endpoint", issuer + "/auth")
                        .add("token_endpoint", issuer + "/token")
                        .add("jwks_uri", issuer + "/certs")
                        .add("registration_endpoint", issuer + "/register")
                        .add("scopes_supported", scopes).build());
            } else if (path.equals(REALM + "/token")) {
                token(exchange, body);
            } else if (path.equals(REALM + "/register") && method.equals("POST")) {
                register(exchange, body);
            } else if (path.startsWith(REALM + "/register/")) {
                manage(exchange, path.substring((REALM + "/register/").length()), method);
            } else {
                send(exchange, 404, Json.createObjectBuilder().add("error", "not_found").build());
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        Map<String, List<String>> form = FacadeHttp.parse(body);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String clientId = null;
        if (auth != null && auth.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            if (pair.length == 2 && pair[1].equals(clients.get(pair[0]))) {
                clientId = pair[0];
            }
        }
        if (clientId == null) {
            send(exchange, 401, error("invalid_client"));
            return;
        }
        String grant = form.get("grant_type").get(0);
        if (grant.equals("authorization_code")) {
            IssuedCode issued = codes.remove(form.get("code").get(0));
            if (issued == null || !issued.clientId().equals(clientId)
                    || !issued.redirectUri().equals(form.get("redirect_uri").get(0))
                    || !Secrets.s256(form.get("code_verifier").get(0)).equals(issued.challenge())) {
                send(exchange, 400, error("invalid_grant"));
                return;
            }
            send(exchange, 200, tokens(clientId, issued.scope()));
        } else if (grant.equals("refresh_token")) {
            String owner = refreshTokens.remove(form.get("refresh_token").get(0));
            if (!clientId.equals(owner)) {
                send(exchange, 400, error("invalid_grant"));
                return;
            }
            send(exchange, 200, tokens(clientId, "openid notes:read"));
        } else {
            send(exchange, 400, error("unsupported_grant_type"));
        }
    }

    private JsonObject tokens(String clientId, String scope) {
        int n = counter.incrementAndGet();
        String refresh = "idp-refresh-" + n;
        refreshTokens.put(refresh, clientId);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"alice-sub\"}")
                .getBytes(StandardCharsets.UTF_8));
        return Json.createObjectBuilder()
                .add("access_token", "idp-access-" + n)
                .add("token_type", "Bearer")
                .add("expires_in", 300)
                .add("refresh_token", refresh)
                .add("scope", scope)
                .add("id_token", "eyJhbGciOiJub25lIn0." + payload + ".sig")
                .build();
    }

    private void register(HttpExchange exchange, String body) throws IOException {
        if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", "3");
            send(exchange, 429, error("too_many_requests"));
            return;
        }
        JsonObject request = Json.createReader(new java.io.StringReader(body)).readObject();
        String id = "dcr-" + registrations.incrementAndGet();
        String secret = "secret-" + id;
        String token = "rat-" + id;
        clients.put(id, secret);
        registrationTokens.put(id, token);
        List<String> redirects = new ArrayList<>();
        request.getJsonArray("redirect_uris").getValuesAs(jakarta.json.JsonString.class)
                .forEach(s -> redirects.add(s.getString()));
        registeredRedirects.put(id, redirects);
        send(exchange, 201, Json.createObjectBuilder(request)
                .add("client_id", id)
                .add("client_secret", secret)
                .add("registration_access_token", token)
                .add("registration_client_uri", issuer() + "/register/" + id).build());
    }

    private void manage(HttpExchange exchange, String id, String method) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = registrationTokens.get(id);
        if (token == null || !("Bearer " + token).equals(auth)) {
            send(exchange, 401, error("invalid_token"));
            return;
        }
        if (method.equals("DELETE")) {
            clients.remove(id);
            registrationTokens.remove(id);
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        var redirects = Json.createArrayBuilder();
        registeredRedirects.getOrDefault(id, List.of()).forEach(redirects::add);
        send(exchange, 200, Json.createObjectBuilder().add("client_id", id).add("redirect_uris", redirects)
                .add("registration_access_token", token).build());
    }

    /** Forgets a client, as Nextcloud's oidc app does with dynamically registered clients after an hour. */
    void expire(String clientId) {
        clients.remove(clientId);
        registrationTokens.remove(clientId);
    }

    private static JsonObject error(String code) {
        return Json.createObjectBuilder().add("error", code).build();
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
