package dev.ncmcp.server.idp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity provider's metadata: OpenID discovery ({@code <issuer>/.well-known/openid-configuration}),
 * falling back to RFC 8414 ({@code /.well-known/oauth-authorization-server<issuer-path>}). The document's
 * {@code issuer} must be the configured one and it must name the token endpoint and the endpoints its user
 * requires. Kept for {@link Timing#ttl()}; when a refresh fails the previous document stays in use.
 */
public final class Discovery {
    private static final System.Logger LOG = System.getLogger(Discovery.class.getName());

    /**
     * How long a document is trusted, and how long startup keeps trying.
     *
     * @param ttl              how long a discovery document is trusted before it is fetched again
     * @param warmUpFirstDelay first pause between attempts at startup (doubles each time)
     * @param warmUpMaxDelay   longest pause between attempts
     * @param warmUpTotal      how long startup keeps trying before it gives up
     */
    public record Timing(Clock clock, Duration ttl, Duration warmUpFirstDelay, Duration warmUpMaxDelay,
                         Duration warmUpTotal) {
        public static Timing defaults() {
            return new Timing(Clock.systemUTC(), Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(8),
                    Duration.ofSeconds(60));
        }

        public Timing withClock(Clock value) {
            return new Timing(value, ttl, warmUpFirstDelay, warmUpMaxDelay, warmUpTotal);
        }
    }

    /** The document is there but unusable: retrying does not help. */
    private static final class BadDocument extends Exception {
        private static final long serialVersionUID = 1L;

        BadDocument(String message) {
            super(message);
        }
    }

    private record Cached(IdpMetadata metadata, Instant fetched) {
    }

    private final URI issuer;
    private final IdpHttp http;
    private final Timing timing;
    private final List<String> requiredEndpoints;
    private volatile Cached cached;

    /**
     * @param requiredEndpoints metadata names besides {@code token_endpoint} the document must have, for example
     *                          {@code jwks_uri}
     */
    public Discovery(URI issuer, IdpHttp http, Timing timing, List<String> requiredEndpoints) {
        this.issuer = issuer;
        this.http = http;
        this.timing = timing;
        this.requiredEndpoints = List.copyOf(requiredEndpoints);
    }

    public URI issuer() {
        return issuer;
    }

    /** Fetches until it works, pausing 0.5 s, 1 s, 2 s … up to the configured total; then fails naming the issuer. */
    public IdpMetadata warmUp() {
        Instant deadline = timing.clock().instant().plus(timing.warmUpTotal());
        Duration delay = timing.warmUpFirstDelay();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return fetch();
            } catch (BadDocument e) {
                throw new IdpUnavailableException("identity provider " + issuer + ": " + e.getMessage());
            } catch (IOException e) {
                Instant now = timing.clock().instant();
                if (!now.plus(delay).isBefore(deadline)) {
                    throw new IdpUnavailableException("identity provider " + issuer + " is not reachable: discovery "
                            + "failed " + attempts + " time(s) within " + timing.warmUpTotal().toSeconds()
                            + " s; last error: " + e.getMessage(), e);
                }
                LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + " not ready (" + e.getMessage()
                        + "), retrying in " + delay.toMillis() + " ms");
                sleep(delay);
                delay = delay.multipliedBy(2);
                if (delay.compareTo(timing.warmUpMaxDelay()) > 0) {
                    delay = timing.warmUpMaxDelay();
                }
            }
        }
    }

    /**
     * The current metadata, fetched when missing or older than the TTL.
     *
     * @throws IdpUnavailableException when it cannot be fetched and no earlier document is known
     */
    public IdpMetadata metadata() {
        Cached current = cached;
        if (fresh(current)) {
            return current.metadata();
        }
        synchronized (this) {
            current = cached;
            if (fresh(current)) {
                return current.metadata();
            }
            try {
                return fetch();
            } catch (IOException | BadDocument e) {
                if (current != null) {
                    LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": refreshing discovery "
                            + "failed, keeping the previous document: " + e.getMessage());
                    cached = new Cached(current.metadata(), timing.clock().instant());
                    return current.metadata();
                }
                throw new IdpUnavailableException("identity provider " + issuer + ": discovery failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private boolean fresh(Cached current) {
        return current != null && current.fetched().plus(timing.ttl()).isAfter(timing.clock().instant());
    }

    private IdpMetadata fetch() throws IOException, BadDocument {
        URI openid = URI.create(stripSlash(issuer.toString()) + "/.well-known/openid-configuration");
        URI from = openid;
        IdpHttp.Response response;
        String firstProblem;
        try {
            response = http.get(openid, null);
            firstProblem = "HTTP " + response.status() + " at " + openid;
        } catch (IOException e) {
            response = null;
            firstProblem = e.getMessage();
        }
        if (response == null || !response.ok()) {
            URI rfc8414 = rfc8414(issuer);
            IdpHttp.Response fallback;
            try {
                fallback = http.get(rfc8414, null);
            } catch (IOException e) {
                throw new IOException(firstProblem + "; " + e.getMessage(), e);
            }
            if (!fallback.ok()) {
                throw new IOException(firstProblem + "; HTTP " + fallback.status() + " at " + rfc8414);
            }
            response = fallback;
            from = rfc8414;
        }
        IdpMetadata metadata = parse(response.requireJson(), from);
        cached = new Cached(metadata, timing.clock().instant());
        LOG.log(System.Logger.Level.DEBUG, () -> "identity provider " + issuer + ": metadata from " + metadata);
        return metadata;
    }

    private IdpMetadata parse(JsonObject doc, URI from) throws BadDocument {
        String claimed = doc.getString("issuer", null);
        if (claimed == null || !sameIssuer(claimed, issuer.toString())) {
            throw new BadDocument("the discovery document at " + from + " names issuer " + claimed
                    + ", not the configured " + issuer);
        }
        for (String name : requiredEndpoints) {
            if (optional(doc, name, from) == null) {
                throw new BadDocument("the discovery document at " + from + " has no " + name);
            }
        }
        Set<String> grants = new LinkedHashSet<>();
        JsonValue types = doc.get("grant_types_supported");
        if (types instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    grants.add(s.getString());
                }
            }
        } else {
            grants.add("authorization_code");
            grants.add("implicit");
        }
        return new IdpMetadata(issuer, optional(doc, "authorization_endpoint", from),
                required(doc, "token_endpoint", from), optional(doc, "jwks_uri", from),
                optional(doc, "introspection_endpoint", from), optional(doc, "userinfo_endpoint", from),
                optional(doc, "registration_endpoint", from), grants);
    }

    private static URI required(JsonObject doc, String name, URI from) throws BadDocument {
        URI value = optional(doc, name, from);
        if (value == null) {
            throw new BadDocument("the discovery document at " + from + " has no " + name);
        }
        return value;
    }

    private static URI optional(JsonObject doc, String name, URI from) throws BadDocument {
        JsonValue value = doc.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new BadDocument("the discovery document at " + from + " has a non-string " + name);
        }
        try {
            URI uri = URI.create(s.getString());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadDocument("the discovery document at " + from + " has an invalid " + name);
        }
    }

    static URI rfc8414(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : stripSlash(issuer.getRawPath());
        return issuer.resolve("/.well-known/oauth-authorization-server" + path);
    }

    /** Issuers compare as strings, forgiving only a trailing slash. */
    public static boolean sameIssuer(String a, String b) {
        return stripSlash(a).equals(stripSlash(b));
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdpUnavailableException("interrupted while waiting for the identity provider", e);
        }
    }
}
