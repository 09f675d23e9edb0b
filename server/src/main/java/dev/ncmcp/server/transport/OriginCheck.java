package dev.ncmcp.server.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * DNS-rebinding protection: a request whose {@code Origin} (when present) or {@code Host} is not allowed
 * gets HTTP 403 with a JSON-RPC error that has no id. Runs before authentication.
 */
public final class OriginCheck implements HttpFeature, Weighted {
    /** Before authentication features (default weight 100). */
    public static final double WEIGHT = 900;

    private final List<String> allowedOrigins;
    private final List<String> allowedHosts;

    public OriginCheck(List<String> allowedOrigins, List<String> allowedHosts) {
        this.allowedOrigins = allowedOrigins.stream().map(OriginCheck::lower).toList();
        this.allowedHosts = allowedHosts.stream().map(OriginCheck::lower).toList();
    }

    public OriginCheck(McpSettings settings) {
        this(settings.allowedOrigins(), settings.allowedHosts());
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        Optional<String> host = req.headers().first(HeaderNames.HOST);
        if (origin.isPresent() && !originAllowed(origin.get())) {
            reject(res, "Forbidden: origin not allowed");
            return;
        }
        if (host.isPresent() && !hostAllowed(host.get())) {
            reject(res, "Forbidden: host not allowed");
            return;
        }
        chain.proceed();
    }

    private static void reject(RoutingResponse res, String message) {
        Replies.rejection(res, McpError.invalidRequest(message, Status.FORBIDDEN_403));
    }

    /** {@code scheme://host[:port]}; an allowed entry without a port matches any port. */
    boolean originAllowed(String origin) {
        if (allowedOrigins.contains("*")) {
            return true;
        }
        String value = lower(origin.trim());
        if (allowedOrigins.contains(value)) {
            return true;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            return allowedOrigins.contains(uri.getScheme() + "://" + uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code host[:port]} or {@code [v6][:port]}; an allowed entry without a port matches any port. */
    boolean hostAllowed(String hostHeader) {
        if (allowedHosts.contains("*")) {
            return true;
        }
        String value = lower(hostHeader.trim());
        if (allowedHosts.contains(value)) {
            return true;
        }
        String name;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = value.substring(0, end + 1);
            String rest = value.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return false;
            }
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && !value.substring(colon + 1).matches("\\d{1,5}")) {
                return false;
            }
            name = colon >= 0 ? value.substring(0, colon) : value;
        }
        return allowedHosts.contains(name);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
