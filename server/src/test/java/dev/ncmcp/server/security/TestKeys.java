package dev.ncmcp.server.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Key pairs generated for the test run, and their public JWKs. */
public record TestKeys(String kid, String alg, KeyPair pair) {

    static TestKeys rsa(String kid, String alg) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestKeys(kid, alg, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKeys ec(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestKeys(kid, "ES256", generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK, without {@code alg} (as Keycloak publishes some keys) unless asked. */
    JsonObject jwk(boolean withAlg) {
        var builder = Json.createObjectBuilder().add("kid", kid).add("use", "sig");
        if (withAlg) {
            builder.add("alg", alg);
        }
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            builder.add("kty", "RSA").add("n", b64(unsigned(rsa.getModulus(), 0)))
                    .add("e", b64(unsigned(rsa.getPublicExponent(), 0)));
        } else {
            ECPublicKey ec = (ECPublicKey) pair.getPublic();
            builder.add("kty", "EC").add("crv", "P-256").add("x", b64(unsigned(ec.getW().getAffineX(), 32)))
                    .add("y", b64(unsigned(ec.getW().getAffineY(), 32)));
        }
        return builder.build();
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
