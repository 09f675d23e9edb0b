package dev.ncmcp.server.store;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets before they reach the database: AES-256-GCM, a random 96-bit IV per value, a 128-bit
 * tag, and the column's name ({@code table.column}) as associated data, so a value copied into another
 * column does not decrypt. Stored text: {@code v1.<kid>.<base64url(iv | ciphertext | tag)>}; decryption
 * picks the key by kid.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Keyring keyring;

    public SecretBox(Keyring keyring) {
        this.keyring = keyring;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** Encrypts {@code plain} with the first key; null stays null. */
    public String seal(String plain, String column) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.primaryKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + "." + keyring.primaryKid() + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt a value for " + column + ": " + e.getMessage(), e);
        }
    }

    /** Decrypts a value written by {@link #seal}; null stays null. */
    public String open(String stored, String column) {
        if (stored == null) {
            return null;
        }
        String kid = kidOf(stored, column);
        SecretKey key = keyring.key(kid).orElseThrow(() -> new StoreException("a secret in " + column
                + " was encrypted with key id '" + kid + "', which is not in the keyring " + keyring.kids()
                + "; add that key to store.keys (STORE_KEYS) after the current one, or run 'store rotate-keys' "
                + "while it is still configured"));
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(stored.substring(VERSION.length() + kid.length() + 2));
        } catch (IllegalArgumentException e) {
            throw new StoreException("a secret in " + column + " is damaged (not Base64)");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new StoreException("a secret in " + column + " is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoreException("a secret in " + column + " does not decrypt with key id '" + kid
                    + "': the key under that id is not the one that encrypted it, or the value was altered or "
                    + "moved from another column");
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot decrypt a secret in " + column + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code stored} was encrypted with the current (first) key. */
    public boolean current(String stored) {
        return stored == null || stored.startsWith(prefix());
    }

    /** {@code v1.<primary kid>.}, the start of every value sealed now. */
    String prefix() {
        return VERSION + "." + keyring.primaryKid() + ".";
    }

    private static String kidOf(String stored, String column) {
        int first = stored.indexOf('.');
        int second = first < 0 ? -1 : stored.indexOf('.', first + 1);
        if (first < 0 || second < 0 || !stored.substring(0, first).equals(VERSION)) {
            throw new StoreException("a value in " + column + " is not an encrypted secret (expected "
                    + VERSION + ".<kid>.<data>)");
        }
        return stored.substring(first + 1, second);
    }

    @Override
    public String toString() {
        return "SecretBox[" + keyring + "]";
    }
}
