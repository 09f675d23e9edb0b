package dev.ncmcp.simulator.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Share passwords are stored as hashes and only the hash is ever shown, as Nextcloud's {@code IHasher} does (an
 * argon2id string there; a salted SHA-256 in the same notation here).
 */
final class SharePassword {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private SharePassword() {
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "3|$argon2id$v=19$m=65536,t=4,p=1$" + BASE64.encodeToString(salt) + "$"
                + BASE64.encodeToString(digest(salt, password));
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
