package dev.ncmcp.server.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text form of the store's keyring (the value of {@code store.keys} / {@code STORE_KEYS}, and the content of
 * the key file): {@code kid1:base64key1,kid2:base64key2} — a kid is 1 to 32 letters, digits, {@code -} or
 * {@code _}; a key is 32 bytes in standard or URL-safe Base64 (e.g. {@code openssl rand -base64 32}). Entries may
 * also be separated by newlines; blank lines and lines starting with {@code #} are skipped.
 */
public final class KeyringText {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    private KeyringText() {
    }

    /**
     * The keys by kid, in the order written (the first one encrypts).
     *
     * @param origin what to name in errors ({@code store.keys} or the key file)
     * @throws ConfigProblem naming the origin and the entry, never key material
     */
    public static Map<String, byte[]> parse(String text, String origin) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        int index = 0;
        for (String raw : text.split("[,\\n]")) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            index++;
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw problem(origin, "entry " + index + " is not kid:base64key");
            }
            String kid = entry.substring(0, colon).strip();
            if (!kid.matches("[A-Za-z0-9_-]{1,32}")) {
                throw problem(origin, "entry " + index + ": a key id is 1 to 32 letters, digits, '-' or '_'");
            }
            byte[] bytes;
            String encoded = entry.substring(colon + 1).strip();
            try {
                bytes = encoded.contains("-") || encoded.contains("_")
                        ? Base64.getUrlDecoder().decode(encoded) : Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw problem(origin, "key '" + kid + "' is not valid Base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw problem(origin, "key '" + kid + "' must be 32 bytes (AES-256), got " + bytes.length
                        + "; generate one with: openssl rand -base64 32");
            }
            if (keys.putIfAbsent(kid, bytes) != null) {
                throw problem(origin, "key id '" + kid + "' appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw problem(origin, "no keys; expected kid:base64key[,kid:base64key…]");
        }
        return keys;
    }

    private static ConfigProblem problem(String origin, String message) {
        return new ConfigProblem(origin + ": " + message);
    }
}
