package dev.ncmcp.e2e.facade;

import dev.ncmcp.testkit.Keycloak;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the authorization-server facade from Java the way an MCP client and its user's browser do: RFC 7591
 * registration at the sidecar, the authorization request with PKCE S256, the sidecar's consent page, Keycloak's login
 * (and consent) form, the sidecar's callback and the redirect to the client's loopback redirect URI, whose
 * {@code code}, {@code state} and {@code iss} are captured without anything listening there. Redirects are never
 * followed by the HTTP client; the "browser" follows them itself with its own cookie jar.
 */
final class FacadeFlow {

    static final String MODERN = "2026-07-28";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>([\\s\\S]*?)</form>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(?:input|button)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private final String base;
    private final String mcpUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private JsonObject metadata;

    FacadeFlow(String mcpUrl) {
        this.mcpUrl = mcpUrl;
        URI uri = URI.create(mcpUrl);
        this.base = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    String base() {
        return base;
    }

    // ---- plain HTTP ---------------------------------------------------------------------------------------------

    /** An HTTP answer with lower-case header names. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (HTTP " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…"
                    : body);
        }
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply postForm(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    }

    Reply postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- facade endpoints ---------------------------------------------------------------------------------------

    /** The facade's RFC 8414 metadata. */
    synchronized JsonObject metadata() {
        if (metadata == null) {
            Reply reply = send(HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
                    .timeout(Duration.ofSeconds(30)).GET().build());
            if (reply.status() != 200) {
                throw new AssertionError("no facade metadata: " + reply);
            }
            metadata = reply.json();
        }
        return metadata;
    }

    /** Every scope the facade supports, space separated (plugin scopes put the sidecar into the token's aud). */
    String allScopes() {
        return metadata().getJsonArray("scopes_supported").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.joining(" "));
    }

    String tokenEndpoint() {
        return metadata().getString("token_endpoint");
    }

    /** RFC 7591 registration of a public client; the raw answer. */
    Reply registerRaw(String name, String redirectUri) {
        String json = Json.createObjectBuilder()
                .add("client_name", name)
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", "none")
                .build().toString();
        return postJson(metadata().getString("registration_endpoint"), json);
    }

    /** Registers a public client; its client id. */
    String register(String name, String redirectUri) {
        Reply reply = registerRaw(name, redirectUri);
        if (reply.status() != 201) {
            throw new AssertionError("registration of " + name + " failed: " + reply);
        }
        return reply.json().getString("client_id");
    }

    static String loopbackRedirect() {
        return "http://127.0.0.1:" + (20000 + RANDOM.nextInt(40000)) + "/callback";
    }

    static String randomVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A successful authorization: the sidecar's one-time code and what the client must send with it. */
    record Authorization(String clientId, String redirectUri, String verifier, String state, String code,
                         String iss, Map<String, String> redirectParams, boolean sawLogin, boolean sawIdpConsent,
                         List<String> visited) {
        /** The sidecar callback URL the IdP sent the browser to (with the IdP's code and state). */
        String callbackUrl() {
            return visited.stream().filter(u -> u.contains("/oauth/callback?")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser never visited the callback: " + visited));
        }
    }

    /**
     * Runs the whole authorization as alice: authorize (PKCE S256) → sidecar consent (allow) → Keycloak login (and
     * consent if shown) → sidecar callback → redirect to {@code redirectUri}; fails unless a code comes back.
     */
    Authorization authorize(String clientId, String redirectUri) {
        return authorize(clientId, redirectUri, true);
    }

    /**
     * @param sendRedirectUri false to leave {@code redirect_uri} out of the authorization request (allowed when the
     *                        client registered exactly one); the browser then stops at {@code redirectUri}
     */
    Authorization authorize(String clientId, String redirectUri, boolean sendRedirectUri) {
        String verifier = randomVerifier();
        String state = randomVerifier();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        if (sendRedirectUri) {
            query.put("redirect_uri", redirectUri);
        }
        query.put("scope", allScopes());
        query.put("state", state);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        query.put("resource", mcpUrl);
        Browser browser = new Browser();
        Browser.Result result = browser.go(metadata().getString("authorization_endpoint") + "?" + formBody(query),
                null, redirectUri);
        boolean sawSidecarConsent = false;
        boolean sawLogin = false;
        boolean sawIdpConsent = false;
        for (int pages = 0; result.redirect() == null && pages < 6; pages++) {
            if (result.status() != 200) {
                throw new AssertionError("HTTP " + result.status() + " at " + result.url() + ": "
                        + abbreviate(result.html()));
            }
            List<Form> forms = forms(result.html());
            Optional<Form> consent = forms.stream().filter(f -> f.has("consent")).findFirst();
            Optional<Form> login = forms.stream().filter(f -> "kc-form-login".equals(f.id()) && f.has("password"))
                    .findFirst();
            Optional<Form> idpConsent = forms.stream().filter(f -> f.has("accept")).findFirst();
            if (consent.isPresent()) {
                if (sawSidecarConsent || !result.url().startsWith(base)) {
                    throw new AssertionError("unexpected sidecar consent page at " + result.url());
                }
                sawSidecarConsent = true;
                result = browser.submit(result, consent.get(), Map.of("decision", "allow"), redirectUri);
            } else if (login.isPresent()) {
                if (sawLogin) {
                    throw new AssertionError("the Keycloak login form came back: " + abbreviate(result.html()));
                }
                sawLogin = true;
                result = browser.submit(result, login.get(), Map.of("username", Keycloak.USER, "password",
                        Keycloak.PASSWORD, "credentialId", ""), redirectUri);
            } else if (idpConsent.isPresent()) {
                if (sawIdpConsent) {
                    throw new AssertionError("the Keycloak consent form came back: " + abbreviate(result.html()));
                }
                sawIdpConsent = true;
                String accept = idpConsent.get().fields().stream().filter(f -> f.name().equals("accept"))
                        .map(Field::value).filter(v -> !v.isEmpty()).findFirst().orElse("Yes");
                result = browser.submit(result, idpConsent.get(), Map.of("accept", accept), redirectUri);
            } else {
                throw new AssertionError("unexpected page at " + result.url() + ": " + abbreviate(result.html()));
            }
        }
        if (result.redirect() == null) {
            throw new AssertionError("never redirected to " + redirectUri);
        }
        if (!sawSidecarConsent) {
            throw new AssertionError("the sidecar's consent page was not shown");
        }
        Map<String, String> params = query(result.redirect());
        if (params.containsKey("error") || !params.containsKey("code")) {
            throw new AssertionError("the authorization failed: " + result.redirect());
        }
        if (!state.equals(params.get("state"))) {
            throw new AssertionError("state mismatch: sent " + state + ", got " + params);
        }
        return new Authorization(clientId, redirectUri, verifier, state, params.get("code"), params.get("iss"),
                params, sawLogin, sawIdpConsent, List.copyOf(browser.visited));
    }

    /** The authorization_code token request (public client: no Authorization header). */
    Reply redeem(String code, String clientId, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (redirectUri != null) {
            form.put("redirect_uri", redirectUri);
        }
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return postForm(tokenEndpoint(), form);
    }

    Reply redeem(Authorization a) {
        return redeem(a.code(), a.clientId(), a.redirectUri(), a.verifier());
    }

    Reply refresh(String refreshToken, String clientId) {
        return postForm(tokenEndpoint(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", clientId));
    }

    /**
     * A 2026-07-28 {@code tools/list} at the MCP endpoint, with an optional bearer token, followed through its pages:
     * the first page's answer with every page's tools; an answer that is not a result is returned as it came.
     */
    Reply toolsList(String token) {
        Reply first = toolsListPage(token, null);
        if (first.status() != 200 || !jsonRpc(first).containsKey("result")) {
            return first;
        }
        JsonObject message = jsonRpc(first);
        JsonArrayBuilder tools = Json.createArrayBuilder(message.getJsonObject("result").getJsonArray("tools"));
        JsonObject page = message.getJsonObject("result");
        while (page.containsKey("nextCursor")) {
            page = jsonRpc(toolsListPage(token, page.getString("nextCursor"))).getJsonObject("result");
            page.getJsonArray("tools").forEach(tools::add);
        }
        JsonObject result = Json.createObjectBuilder(message.getJsonObject("result")).remove("nextCursor")
                .add("tools", tools).build();
        Map<String, List<String>> headers = new LinkedHashMap<>(first.headers());
        headers.put("content-type", List.of("application/json"));
        return new Reply(first.status(), headers, Json.createObjectBuilder(message).add("result", result).build()
                .toString());
    }

    private Reply toolsListPage(String token, String cursor) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", MODERN)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder()
                        .add("name", "ncmcp-facade-e2e").add("version", "0.1.0"))
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT));
        if (cursor != null) {
            params.add("cursor", cursor);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", "tools/list")
                .add("params", params)
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mcpUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/list")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** The JSON-RPC message of an MCP answer: the body, or the last {@code data:} event of an SSE stream. */
    static JsonObject jsonRpc(Reply reply) {
        String text = reply.body();
        if (reply.header("content-type").orElse("").startsWith("text/event-stream")) {
            String last = null;
            for (String block : text.split("\r?\n\r?\n")) {
                StringBuilder data = new StringBuilder();
                for (String line : block.split("\r?\n")) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).stripLeading());
                    }
                }
                if (!data.isEmpty()) {
                    last = data.toString();
                }
            }
            text = last == null ? "" : last;
        }
        return new Reply(reply.status(), reply.headers(), text).json();
    }

    static List<String> toolNames(Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("tools/list failed: " + reply);
        }
        JsonObject json = jsonRpc(reply);
        if (!json.containsKey("result")) {
            throw new AssertionError("tools/list answered no result: " + json);
        }
        return json.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name")).toList();
    }

    // ---- the user's browser -------------------------------------------------------------------------------------

    record Field(String name, String type, String value) {
    }

    record Form(String id, String action, List<Field> fields) {
        boolean has(String name) {
            return fields.stream().anyMatch(f -> f.name().equals(name));
        }
    }

    static List<Form> forms(String html) {
        List<Form> out = new ArrayList<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            String open = "<form" + m.group(1) + ">";
            List<Field> fields = new ArrayList<>();
            Matcher input = INPUT.matcher(m.group(2));
            while (input.find()) {
                String tag = input.group();
                String name = attribute(tag, "name");
                if (name != null) {
                    String type = attribute(tag, "type");
                    fields.add(new Field(name, type == null ? "text" : type.toLowerCase(Locale.ROOT),
                            Optional.ofNullable(attribute(tag, "value")).orElse("")));
                }
            }
            out.add(new Form(attribute(open, "id"), attribute(open, "action"), fields));
        }
        return out;
    }

    static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE)
                .matcher(tag);
        return m.find() ? decodeEntities(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String decodeEntities(String text) {
        String out = text.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
        Matcher m = Pattern.compile("&#(\\d+);").matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&amp;", "&");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String abbreviate(String html) {
        Matcher title = Pattern.compile("<title>([\\s\\S]*?)</title>", Pattern.CASE_INSENSITIVE).matcher(html);
        String flat = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        return (title.find() ? "[" + title.group(1).trim() + "] " : "") + (flat.length() > 400
                ? flat.substring(0, 400) + "…" : flat);
    }

    /** A user agent: its own cookie jar (name → value, as a browser on one loopback host would send), no JS. */
    final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        /** Every URL requested, in order. */
        final List<String> visited = new ArrayList<>();

        /** A page, or the redirect to the client's redirect URI that ended the walk. */
        record Result(String url, int status, String html, URI redirect) {
        }

        String cookieHeader() {
            return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        /** Sends one request with the jar's cookies and stores the cookies set; no redirect is followed. */
        Reply request(String url, String formBody) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "ncmcp-facade-e2e");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            if (formBody == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody));
            }
            visited.add(url);
            Reply reply = send(request.build());
            for (String line : reply.headers().getOrDefault("set-cookie", List.of())) {
                String[] parts = line.split(";");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                boolean expired = false;
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                    expired |= attribute.matches("max-age\\s*=\\s*0");
                    expired |= attribute.startsWith("expires=") && attribute.contains("1970");
                }
                if (expired || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return reply;
        }

        /** Follows redirects itself until a page, or a redirect to a URL starting with {@code stopAt}. */
        Result go(String url, String formBody, String stopAt) {
            String current = url;
            String body = formBody;
            for (int hops = 0; hops < 10; hops++) {
                Reply reply = request(current, body);
                if (reply.status() >= 300 && reply.status() < 400) {
                    String location = URI.create(current).resolve(reply.header("location").orElseThrow(
                            () -> new AssertionError("a redirect without Location: " + reply))).toString();
                    if (location.startsWith(stopAt)) {
                        return new Result(current, reply.status(), null, URI.create(location));
                    }
                    current = location;
                    body = null;
                    continue;
                }
                return new Result(current, reply.status(), reply.body(), null);
            }
            throw new AssertionError("too many redirects from " + url);
        }

        Result submit(Result page, Form form, Map<String, String> fields, String stopAt) {
            if (form.action() == null) {
                throw new AssertionError("a form without action at " + page.url());
            }
            Map<String, String> body = new LinkedHashMap<>();
            for (Field field : form.fields()) {
                if (field.type().equals("hidden")) {
                    body.put(field.name(), field.value());
                }
            }
            body.putAll(fields);
            return go(URI.create(page.url()).resolve(form.action()).toString(), formBody(body), stopAt);
        }
    }
}
