package dev.ncmcp.server.security;

import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpUnavailableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The IdP's signing keys (RSA and EC P-256 JWKs), by {@code kid}. A token naming an unknown {@code kid}
 * triggers one refresh, at most one per {@link Tuning#jwksRefreshInterval()}, so key rotation works without a
 * restart and garbage {@code kid}s cannot hammer the IdP.
 */
final class Jwks {
    private static final System.Logger LOG = System.getLogger(Jwks.class.getName());

    /** A usable verification key. {@code alg} is null when the JWK does not pin one. */
    record Jwk(String kid, String kty, String alg, PublicKey key) {
    }

    private record KeySet(Map<String, Jwk> byKid, List<Jwk> all) {
    }

    private final Supplier<URI> jwksUri;
    private final IdpHttp http;
    private final Tuning tuning;
    private final String issuer;
    private volatile KeySet keys;
    private Instant lastFetch = Instant.MIN;
    private int fetches;

    Jwks(Supplier<URI> jwksUri, IdpHttp http, Tuning tuning, String issuer) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.tuning = tuning;
        this.issuer = issuer;
    }

    /** Loads the keys if they never were. */
    void load() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    refresh();
                }
            }
        }
    }

    /**
     * The key for a token header's {@code kid} (null: the only key of that type, if there is exactly one).
     * An unknown {@code kid} refreshes the set once, unless a refresh happened within the interval.
     *
     * @return null when no key matches, even after a refresh
     */
    Jwk find(String kid, String kty) {
        load();
        Jwk found = lookup(keys, kid, kty);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            found = lookup(keys, kid, kty);
            if (found != null) {
                return found;
            }
            Instant now = tuning.clock().instant();
            if (lastFetch.plus(tuning.jwksRefreshInterval()).isAfter(now)) {
                return null;
            }
            LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": unknown signing key id, "
                    + "refreshing the JWKS");
            refresh();
            return lookup(keys, kid, kty);
        }
    }

    /** How many times the key set was fetched (for tests and diagnostics). */
    synchronized int fetches() {
        return fetches;
    }

    private static Jwk lookup(KeySet set, String kid, String kty) {
        if (set == null) {
            return null;
        }
        if (kid != null) {
            return set.byKid().get(kid);
        }
        List<Jwk> candidates = set.all().stream().filter(k -> k.kty().equals(kty)).toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private synchronized void refresh() {
        lastFetch = tuning.clock().instant();
        fetches++;
        URI uri = jwksUri.get();
        JsonObject doc;
        try {
            IdpHttp.Response response = http.get(uri, null);
            if (!response.ok()) {
                throw new IOException("HTTP " + response.status());
            }
            doc = response.requireJson();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": cannot load the JWKS at " + uri
                    + ": " + e.getMessage());
            throw new IdpUnavailableException("identity provider " + issuer + ": cannot load its signing keys", e);
        }
        keys = parse(doc);
        LOG.log(System.Logger.Level.DEBUG, () -> "identity provider " + issuer + ": " + keys.all().size()
                + " signing key(s) loaded");
    }

    static KeySet parse(JsonObject doc) {
        Map<String, Jwk> byKid = new HashMap<>();
        List<Jwk> all = new ArrayList<>();
        JsonValue list = doc.get("keys");
        if (list instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (!(value instanceof JsonObject jwk)) {
                    continue;
                }
                Jwk parsed = parseKey(jwk);
                if (parsed != null) {
                    all.add(parsed);
                    if (parsed.kid() != null) {
                        byKid.putIfAbsent(parsed.kid(), parsed);
                    }
                }
            }
        }
        return new KeySet(Map.copyOf(byKid), List.copyOf(all));
    }

    /** An RSA or EC P-256 signing key, or null for anything else (encryption keys, other curves, junk). */
    static Jwk parseKey(JsonObject jwk) {
        String use = jwk.getString("use", null);
        if (use != null && !use.equals("sig")) {
            return null;
        }
        String kty = jwk.getString("kty", "");
        String kid = jwk.getString("kid", null);
        String alg = jwk.getString("alg", null);
        try {
            return switch (kty) {
                case "RSA" -> new Jwk(kid, kty, alg, KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e"))));
                case "EC" -> "P-256".equals(jwk.getString("crv", null))
                        ? new Jwk(kid, kty, alg, KeyFactory.getInstance("EC").generatePublic(
                                new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), p256())))
                        : null;
                default -> null;
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring an unusable JWK (kid " + kid + "): " + e.getMessage());
            return null;
        }
    }

    static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static BigInteger unsigned(JsonObject jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString(member)));
    }
}
