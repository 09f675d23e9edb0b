package dev.ncmcp.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A transport-independent HTTP request as the simulated apps see it.
 *
 * @param method   upper-case method
 * @param path     percent-decoded path
 * @param rawQuery raw query string, {@code ""} if none
 * @param headers  header values by lower-case name
 * @param body     request body, empty if none
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Query parameters, form-decoded, first value wins. */
    public Map<String, String> queryParams() {
        return parseForm(rawQuery);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(queryParams().get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public static Map<String, String> parseForm(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                               URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Percent-decodes a URL path ({@code +} stays a plus). */
    public static String decodePath(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
