package dev.ncmcp.server.store;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {

    private static final String A = "kA:" + Keyring.generateKey();
    private static final String B = "kB:" + Keyring.generateKey();

    private final SecretBox box = new SecretBox(Keyring.parse(A, "test"));

    @Test
    void roundTripWithKidAndFreshIv() {
        String sealed = box.seal("hunter2 ✓", "t.c");
        assertThat(sealed, startsWith("v1.kA."));
        assertThat(sealed, not(containsString("hunter2")));
        assertThat(box.open(sealed, "t.c"), is("hunter2 ✓"));
        assertThat(box.seal("hunter2 ✓", "t.c"), not(is(sealed)));
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring("v1.kA.".length()));
        assertThat(raw.length, is(12 + "hunter2 ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16));
        assertThat(box.seal(null, "t.c") == null, is(true));
        assertThat(box.open(null, "t.c") == null, is(true));
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() {
        String sealed = box.seal("secret", "app_passwords.app_password");
        StoreException e = assertThrows(StoreException.class, () -> box.open(sealed, "idp_clients.client_secret"));
        assertThat(e.getMessage(), containsString("idp_clients.client_secret"));
    }

    @Test
    void alteredValueIsRejected() {
        String sealed = box.seal("secret", "t.c");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThrows(StoreException.class, () -> box.open(altered, "t.c"));
        assertThrows(StoreException.class, () -> box.open("plain text", "t.c"));
    }

    @Test
    void oldKeysDecryptNewKeyEncrypts() {
        String underA = box.seal("x", "t.c");
        SecretBox rotated = new SecretBox(Keyring.parse(B + "," + A, "test"));
        assertThat(rotated.open(underA, "t.c"), is("x"));
        assertThat(rotated.current(underA), is(false));
        String underB = rotated.seal("x", "t.c");
        assertThat(underB, startsWith("v1.kB."));
        assertThat(rotated.current(underB), is(true));
    }

    @Test
    void unknownKidIsNamedButNoKeyIs() {
        String underA = box.seal("x", "t.c");
        SecretBox onlyB = new SecretBox(Keyring.parse(B, "test"));
        StoreException e = assertThrows(StoreException.class, () -> onlyB.open(underA, "t.c"));
        assertThat(e.getMessage(), containsString("key id 'kA'"));
        assertThat(e.getMessage(), not(containsString(A.substring(3))));
        assertThat(e.getMessage(), not(containsString(B.substring(3))));
    }
}
