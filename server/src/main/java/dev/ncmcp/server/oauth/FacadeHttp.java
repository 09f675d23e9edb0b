package dev.ncmcp.server.oauth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading requests and writing answers the way every facade endpoint does: bounded bodies, form and query parsing,
 * {@code no-store} JSON, and redirects back to a client, with its error, state and our issuer.
 */
final class FacadeHttp {
    static final int MAX_BODY = 64 * 1024;

    private FacadeHttp() {
    }

    /** Sends the client's browser back with an authorization error (RFC 6749 §4.1.2.1, RFC 9207 {@code iss}). */
    static void redirectError(ServerResponse response, String issuer, String redirectUri, String error,
                              String description, String clientState) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("error", error);
        query.put("error_description", description);
        if (clientState != null) {
            query.put("state", clientState);
        }
        query.put("iss", issuer);
        redirect(response, withQuery(redirectUri, query));
    }

    static void redirect(ServerResponse response, String location) {
        response.status(Status.FOUND_302);
        response.header(HeaderNames.LOCATION, location);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send();
    }

    static String withQuery(String base, Map<String, String> query) {
        StringBuilder out = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            out.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    static void sendJson(ServerResponse response, Status status, JsonObject body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.PRAGMA, "no-cache");
        response.send(body.toString());
    }

    static String body(ServerRequest request) throws IOException {
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("the request body is larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Parses {@code application/x-www-form-urlencoded} (also a raw query string). */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // malformed escape: ignore the pair
            }
        }
        return out;
    }

    /** The one value of a parameter; null when absent, empty or repeated. */
    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }
}
