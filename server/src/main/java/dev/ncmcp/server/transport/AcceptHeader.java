package dev.ncmcp.server.transport;

import java.util.Locale;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/** What the client's {@code Accept} header allows; lenient for wildcards and an absent header. */
record AcceptHeader(boolean json, boolean eventStream) {
    static AcceptHeader of(Headers headers) {
        if (!headers.contains(HeaderNames.ACCEPT)) {
            return new AcceptHeader(true, true);
        }
        boolean json = false;
        boolean sse = false;
        for (String value : headers.get(HeaderNames.ACCEPT).allValues(true)) {
            String type = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "*/*" -> {
                    json = true;
                    sse = true;
                }
                case "application/*", "application/json" -> json = true;
                case "text/*", "text/event-stream" -> sse = true;
                default -> { }
            }
        }
        return new AcceptHeader(json, sse);
    }
}
