package dev.ncmcp.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the simulator received it, for assertions in tests.
 *
 * @param method  HTTP method, e.g. {@code PROPFIND}
 * @param path    decoded path without query, e.g. {@code /remote.php/dav/files/bob/Notes/}
 * @param query   raw query string ({@code ""} if none)
 * @param headers header values by lower-case header name
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** First value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
