package dev.ncmcp.server.protocol;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * Integrity protection for the state the server hands to clients ({@code requestState}, the legacy
 * {@code Mcp-Session-Id}): {@code base64url(JSON) "." base64url(HMAC-SHA256(purpose, JSON))} with the
 * server's state key. The content is readable by the client (never put secrets in it) but cannot be
 * changed or forged. A purpose label is part of the MAC so a token of one kind is never accepted as
 * another.
 */
public final class Sealer {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public Sealer(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String seal(String purpose, JsonObject content) {
        byte[] payload = Jsons.bytes(content);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(purpose, payload));
    }

    /** The content of a token sealed with this key for {@code purpose}, or null when it is not one. */
    public JsonObject open(String purpose, String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] mac = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(purpose, payload))) {
                return null;
            }
            return Jsons.read(payload) instanceof JsonObject object ? object : null;
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            return null;
        }
    }

    private byte[] mac(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
