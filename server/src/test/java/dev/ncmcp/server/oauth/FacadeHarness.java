package dev.ncmcp.server.oauth;

import dev.ncmcp.server.config.FacadeConfig;
import dev.ncmcp.server.idp.IdpHttp;
import io.helidon.webserver.WebServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** The facade on a real Helidon server (its routes only) in front of a {@link FakeIdp}, with a settable clock. */
final class FacadeHarness implements AutoCloseable {
    static final String CLIENT_REDIRECT = "http://127.0.0.1:33333/callback";

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-08-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    final FakeIdp idp;
    final MemoryStore store;
    final TestClock clock = new TestClock();
    final List<Duration> sleeps = new ArrayList<>();
    final AuthorizationFacade facade;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, MetadataFetcher.Fetched> documents = new LinkedHashMap<>();

    FacadeHarness(FakeIdp idp, MemoryStore store, boolean staticClient, int registerRate) {
        this.idp = idp;
        this.store = store;
        FacadeConfig config = new FacadeConfig(true, staticClient ? FakeIdp.STATIC_ID : null,
                staticClient ? FakeIdp.STATIC_SECRET : null, registerRate, Duration.ofSeconds(60), Duration.ZERO);
        int[] port = new int[1];
        MetadataFetcher fetcher = url -> {
            MetadataFetcher.Fetched document = documents.get(url.toString());
            if (document == null) {
                throw new IOException("HTTP 404");
            }
            return document;
        };
        this.facade = new AuthorizationFacade(config, idp.issuer(),
                () -> URI.create("http://127.0.0.1:" + port[0] + "/mcp"), List.of("notes:read", "notes:write"),
                store, fetcher, new IdpHttp(), clock, sleeps::add);
        this.server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.register("/.well-known", facade.metadataService()).register("/oauth", facade))
                .build().start();
        port[0] = server.port();
        facade.warmUp();
    }

    static FacadeHarness staticClient(FakeIdp idp) {
        return new FacadeHarness(idp, new MemoryStore(), true, 1000);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        FacadeHttp.parse(URI.create(location).getRawQuery()).forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    String register(String... redirects) {
        var uris = Json.createArrayBuilder();
        for (String r : redirects) {
            uris.add(r);
        }
        HttpResponse<String> response = post("/oauth/register", "application/json", Json.createObjectBuilder()
                .add("client_name", "Test client").add("redirect_uris", uris)
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("token_endpoint_auth_method", "none").build().toString(), null);
        assertThat(response.body(), response.statusCode(), is(201));
        return json(response).getString("client_id");
    }

    String authorizeUrl(String clientId, String redirect, String verifier, String state) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirect);
        q.put("state", state);
        q.put("code_challenge", Secrets.s256(verifier));
        q.put("code_challenge_method", "S256");
        q.put("scope", "notes:read");
        q.put("resource", base() + "/mcp");
        return FacadeHttp.withQuery(base() + "/oauth/authorize", q);
    }

    /** Consent page → allow → the IdP's authorization request (as the browser would follow it). */
    URI consentAndGoToIdp(String authorizeUrl) {
        HttpResponse<String> page = get(authorizeUrl, null);
        assertThat(page.body(), page.statusCode(), is(200));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String consent = cookie.substring(cookie.indexOf('=') + 1);
        HttpResponse<String> allowed = post("/oauth/authorize", "application/x-www-form-urlencoded",
                "consent=" + consent + "&decision=allow", cookie);
        assertThat(allowed.body(), allowed.statusCode(), is(302));
        return URI.create(allowed.headers().firstValue("Location").orElseThrow());
    }

    /** The whole browser leg: authorize, consent, IdP login, callback; returns the redirect to the client. */
    Map<String, String> authorize(String clientId, String redirect, String verifier, String state) {
        return authorize(authorizeUrl(clientId, redirect, verifier, state));
    }

    /** {@link #authorize(String, String, String, String)} for a given authorization request URL. */
    Map<String, String> authorize(String authorizeUrl) {
        URI idpRequest = consentAndGoToIdp(authorizeUrl);
        String code = idp.approve(idpRequest);
        String idpState = query(idpRequest.toString()).get("state");
        HttpResponse<String> back = get(base() + "/oauth/callback?code=" + code + "&state=" + idpState + "&iss="
                + idp.issuer(), null);
        assertThat(back.body(), back.statusCode(), is(302));
        String location = back.headers().firstValue("Location").orElseThrow();
        Map<String, String> answer = query(location);
        answer.put("location", location);
        return answer;
    }

    HttpResponse<String> token(Map<String, String> form) {
        return post("/oauth/token", "application/x-www-form-urlencoded", IdpHttp.form(form), null);
    }

    HttpResponse<String> redeem(String clientId, String code, String redirect, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        if (redirect != null) {
            form.put("redirect_uri", redirect);
        }
        form.put("code_verifier", verifier);
        return token(form);
    }

    @Override
    public void close() {
        server.stop();
    }
}
