package dev.ncmcp.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Signs test JWTs with the JDK: RS256, PS256, ES256, and the forbidden HS256 and none. */
public final class JwtMinter {
    private JwtMinter() {
    }

    /** Claims a valid access token of {@code issuer} for {@code audience} carries, expiring 5 minutes after {@code now}. */
    public static JsonObjectBuilder claims(String issuer, String audience, Instant now) {
        return Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", "f3a1-alice")
                .add("preferred_username", "alice")
                .add("iat", now.getEpochSecond())
                .add("exp", now.plusSeconds(300).getEpochSecond())
                .add("scope", "openid notes:read notes.write");
    }

    public static String sign(TestKeys keys, JsonObject claims) {
        return sign(keys.alg(), keys.kid(), keys, claims);
    }

    /** Signs with {@code keys} but writes {@code alg} and {@code kid} into the header as given. */
    static String sign(String alg, String kid, TestKeys keys, JsonObject claims) {
        JsonObjectBuilder header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
        if (kid != null) {
            header.add("kid", kid);
        }
        String input = part(header.build().toString()) + "." + part(claims.toString());
        try {
            Signature signer = switch (keys.alg()) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(JwtValidator.pss());
                    yield pss;
                }
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                default -> throw new IllegalArgumentException(keys.alg());
            };
            signer.initSign(keys.pair().getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + TestKeys.b64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(String kid, byte[] secret, JsonObject claims) {
        String header = Json.createObjectBuilder().add("alg", "HS256").add("kid", kid).build().toString();
        String input = part(header) + "." + part(claims.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + TestKeys.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(String kid, JsonObject claims) {
        String header = Json.createObjectBuilder().add("alg", "none").add("kid", kid).build().toString();
        return part(header) + "." + part(claims.toString()) + ".";
    }

    static String part(String json) {
        return TestKeys.b64(json.getBytes(StandardCharsets.UTF_8));
    }
}
