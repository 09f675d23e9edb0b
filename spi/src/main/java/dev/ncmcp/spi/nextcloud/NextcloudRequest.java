package dev.ncmcp.spi.nextcloud;

import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to Nextcloud.
 *
 * @param method  HTTP method, including WebDAV verbs (PROPFIND, MKCOL, MOVE, COPY, SEARCH, REPORT…)
 * @param path    absolute path on the Nextcloud base URL, already percent-encoded where needed
 * @param query   query parameters in order, encoded by the client; a name may repeat ({@code tags[]=a&tags[]=b})
 * @param headers extra request headers (never Authorization: the client sets it)
 * @param body    request body, or an empty array
 */
public record NextcloudRequest(String method, String path, Map<String, List<String>> query,
                               Map<String, List<String>> headers, byte[] body) {

    public NextcloudRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        query.forEach((name, values) -> ordered.put(name, List.copyOf(values)));
        query = java.util.Collections.unmodifiableMap(ordered);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public static Builder get(String path) {
        return builder("GET", path);
    }

    public static Builder post(String path) {
        return builder("POST", path);
    }

    public static Builder put(String path) {
        return builder("PUT", path);
    }

    public static Builder delete(String path) {
        return builder("DELETE", path);
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Fluent construction. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Adds a query parameter; adding a name again repeats it. */
        public Builder query(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder header(String name, String value) {
            if ("authorization".equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("the client sets Authorization itself");
            }
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder body(byte[] body, String contentType) {
            this.body = body;
            return contentType == null ? this : header("Content-Type", contentType);
        }

        public Builder json(JsonValue json) {
            return body(json.toString().getBytes(StandardCharsets.UTF_8), "application/json")
                    .header("Accept", "application/json");
        }

        public Builder xml(String xml) {
            return body(xml.getBytes(StandardCharsets.UTF_8), "application/xml; charset=utf-8");
        }

        public NextcloudRequest build() {
            return new NextcloudRequest(method, path, query, headers, body);
        }
    }
}
