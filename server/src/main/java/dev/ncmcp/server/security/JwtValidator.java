package dev.ncmcp.server.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Verifies compact JWS access tokens with the JDK's own crypto: RS256, PS256 and ES256 only ({@code none},
 * HS*, and an algorithm that does not fit the key are rejected). We do this ourselves rather than through
 * Helidon's OIDC provider because, in Helidon 4.3.0, that provider gives opaque tokens no challenge, does not
 * refresh keys on an unknown {@code kid}, cannot fall through to introspection, and its JWK support has no
 * PS256.
 */
final class JwtValidator {

    /** The three parts of a compact JWS, decoded. */
    record Jws(JsonObject header, byte[] payload, byte[] signingInput, byte[] signature) {
    }

    private static final Set<String> ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    private final Jwks jwks;
    private final Claims claims;

    JwtValidator(Jwks jwks, Claims claims) {
        this.jwks = jwks;
        this.claims = claims;
    }

    /** Three base64url parts whose first is a JSON object with an {@code alg}; null for anything else. */
    static Jws parse(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return null;
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            byte[] headerBytes = decoder.decode(token.substring(0, first));
            JsonObject header;
            try (JsonReader reader = Json.createReader(new StringReader(new String(headerBytes, StandardCharsets.UTF_8)))) {
                header = reader.readObject();
            }
            if (header.getString("alg", null) == null) {
                return null;
            }
            byte[] payload = decoder.decode(token.substring(first + 1, second));
            byte[] signature = decoder.decode(token.substring(second + 1));
            return new Jws(header, payload,
                    token.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (IllegalArgumentException | JsonException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }

    ValidatedToken validate(Jws jws, Instant now) throws InvalidTokenException {
        String alg = jws.header().getString("alg", "");
        if (!ALGORITHMS.contains(alg)) {
            throw new InvalidTokenException("The token's signature algorithm is not accepted (RS256, PS256, ES256)");
        }
        if (jws.header().containsKey("crit")) {
            throw new InvalidTokenException("The token uses critical header extensions this server does not know");
        }
        String kid = jws.header().get("kid") instanceof jakarta.json.JsonString s ? s.getString() : null;
        String kty = alg.startsWith("ES") ? "EC" : "RSA";
        Jwks.Jwk key = jwks.find(kid, kty);
        if (key == null) {
            throw new InvalidTokenException("The token is signed with an unknown key");
        }
        if (!key.kty().equals(kty) || (key.alg() != null && !key.alg().equals(alg))) {
            throw new InvalidTokenException("The token's algorithm does not match its signing key");
        }
        if (!verify(alg, key.key(), jws.signingInput(), jws.signature())) {
            throw new InvalidTokenException("The token's signature is invalid");
        }
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(new String(jws.payload(), StandardCharsets.UTF_8)))) {
            payload = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidTokenException("The token's payload is not a JSON object");
        }
        claims.issuer(payload, true);
        Instant exp = claims.times(payload, now, true);
        claims.audience(payload, true);
        String subject = claims.subject(payload);
        Set<String> raw = Claims.rawScopes(payload);
        return new ValidatedToken(subject, claims.username(payload, subject), Claims.scopes(raw), raw, exp, null);
    }

    static boolean verify(String alg, PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature verifier;
            switch (alg) {
                case "RS256" -> {
                    if (!(key instanceof RSAPublicKey)) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA256withRSA");
                }
                case "PS256" -> {
                    if (!(key instanceof RSAPublicKey)) {
                        return false;
                    }
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(pss());
                }
                case "ES256" -> {
                    if (!(key instanceof ECPublicKey) || signature.length != 64) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                }
                default -> {
                    return false;
                }
            }
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** RSASSA-PSS as JWS PS256 uses it: SHA-256, MGF1 with SHA-256, 32-byte salt. */
    static PSSParameterSpec pss() {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    }
}
