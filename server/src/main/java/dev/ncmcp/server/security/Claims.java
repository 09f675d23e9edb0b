package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.Discovery;
import dev.ncmcp.spi.Scope;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The claim checks JWT verification and introspection share: issuer, time window, audience (RFC 8707:
 * the MCP resource URL or a configured audience), scopes ({@code scope} or {@code scp}, {@code :} or
 * {@code .} form), subject and Nextcloud login.
 */
final class Claims {

    private final OAuthSettings settings;
    private final Supplier<URI> resource;

    Claims(OAuthSettings settings, Supplier<URI> resource) {
        this.settings = settings;
        this.resource = resource;
    }

    void issuer(JsonObject claims, boolean required) throws InvalidTokenException {
        JsonValue iss = claims.get("iss");
        if (iss == null && !required) {
            return;
        }
        if (!(iss instanceof JsonString s) || !Discovery.sameIssuer(s.getString(), settings.issuer().toString())) {
            throw new InvalidTokenException("The token was issued by another issuer");
        }
    }

    /** {@code exp} (required when {@code expRequired}), {@code nbf} and {@code iat}, with the clock skew. */
    Instant times(JsonObject claims, Instant now, boolean expRequired) throws InvalidTokenException {
        Duration skew = settings.clockSkew();
        Instant exp = instant(claims, "exp");
        if (exp == null && expRequired) {
            throw new InvalidTokenException("The token has no expiry");
        }
        if (exp != null && !now.isBefore(exp.plus(skew))) {
            throw new InvalidTokenException("The token has expired");
        }
        Instant nbf = instant(claims, "nbf");
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new InvalidTokenException("The token is not valid yet");
        }
        Instant iat = instant(claims, "iat");
        if (iat != null && now.plus(skew).isBefore(iat)) {
            throw new InvalidTokenException("The token was issued in the future");
        }
        return exp;
    }

    /** {@code aud} (string or array) must name this resource or a configured audience. */
    void audience(JsonObject claims, boolean required) throws InvalidTokenException {
        JsonValue aud = claims.get("aud");
        if (aud == null && !required) {
            return;
        }
        List<String> values = strings(aud);
        String self = strip(resource.get().toString());
        for (String value : values) {
            if (strip(value).equals(self) || settings.audiences().contains(value)) {
                return;
            }
        }
        throw new InvalidTokenException("The token is not meant for this resource (audience " + self + ")");
    }

    /** Space-delimited {@code scope}, else {@code scp} as an array or a string. */
    static Set<String> rawScopes(JsonObject claims) {
        Set<String> raw = new TreeSet<>();
        JsonValue scope = claims.get("scope");
        if (scope == null) {
            scope = claims.get("scp");
        }
        for (String value : strings(scope)) {
            for (String part : value.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    raw.add(part);
                }
            }
        }
        return raw;
    }

    static Set<Scope> scopes(Set<String> raw) {
        Set<Scope> scopes = new LinkedHashSet<>();
        raw.forEach(text -> Scope.parse(text).ifPresent(scopes::add));
        return scopes;
    }

    String subject(JsonObject claims) throws InvalidTokenException {
        return text(claims, "sub").orElseThrow(() -> new InvalidTokenException("The token names no subject"));
    }

    /** The configured user claim, then RFC 7662's {@code username} (for introspection), then {@code sub}. */
    String username(JsonObject claims, String subject) {
        return text(claims, settings.userClaim()).or(() -> text(claims, "username")).orElse(subject);
    }

    static Optional<String> text(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Instant instant(JsonObject claims, String name) throws InvalidTokenException {
        JsonValue value = claims.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidTokenException("The token's " + name + " claim is not a number");
        }
        try {
            return Instant.ofEpochSecond(number.bigDecimalValue().longValue());
        } catch (RuntimeException e) {
            throw new InvalidTokenException("The token's " + name + " claim is out of range");
        }
    }

    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    private static String strip(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
