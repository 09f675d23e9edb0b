package dev.ncmcp.server.store;

import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.KeyringText;
import dev.ncmcp.server.config.StoreConfig;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AES-256 keys that encrypt the store's secrets, each with a key id ({@code kid}) that is written
 * beside every value it encrypted. The first key encrypts; every key decrypts.
 *
 * <p>Text form (the value of {@code store.keys} / {@code STORE_KEYS}, and the content of the key file): see
 * {@link KeyringText}.
 *
 * <p>Without {@code store.keys}, the embedded SQLite default keeps its keyring in {@code <data>/store.key},
 * generated once (kid {@code local1}) with POSIX mode 0600; a key file that the group or others may read is
 * refused.
 */
public final class Keyring {

    /** The key file of the embedded default, in the data directory. */
    public static final String KEY_FILE = "store.key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> kids;
    private final Map<String, SecretKey> keys;

    private Keyring(Map<String, SecretKey> keys) {
        this.keys = Map.copyOf(keys);
        this.kids = List.copyOf(keys.keySet());
    }

    /** The kid of the key that encrypts. */
    public String primaryKid() {
        return kids.getFirst();
    }

    /** All kids, the encrypting one first. */
    public List<String> kids() {
        return kids;
    }

    SecretKey primaryKey() {
        return keys.get(primaryKid());
    }

    Optional<SecretKey> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /**
     * Parses the text form ({@link KeyringText}).
     *
     * @param origin what to name in errors ({@code store.keys} or the key file)
     * @throws ConfigProblem naming the origin and the entry, never key material
     */
    public static Keyring parse(String text, String origin) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        KeyringText.parse(text, origin).forEach((kid, bytes) -> keys.put(kid, new SecretKeySpec(bytes, "AES")));
        return new Keyring(keys);
    }

    /** The keyring for {@code config}: {@code store.keys} if set, else the key file in the data directory. */
    static Keyring load(StoreConfig config) {
        if (config.keys() != null) {
            return parse(config.keys(), "store.keys (STORE_KEYS)");
        }
        return fromFile(config.data().resolve(KEY_FILE));
    }

    /**
     * Reads the key file, or creates it with one new random key when it does not exist. The file is
     * created complete and with mode 0600 in one step (written under a temporary name, then linked), so a
     * crash never leaves a partial key and two processes never both generate one.
     */
    static Keyring fromFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            checkPermissions(file);
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file);
        } catch (IOException e) {
            throw new StoreException("cannot read or create the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new random 256-bit key in Base64. */
    public static String generateKey() {
        byte[] bytes = new byte[KeyringText.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void create(Path file) throws IOException {
        boolean posix = posix();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(RANDOM.nextLong()));
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(("local1:" + generateKey() + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                channel.force(true);
            }
            try {
                Files.createLink(file, tmp); // fails if another process created it meanwhile: theirs wins
            } catch (FileAlreadyExistsException e) {
                // keep the existing key
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkPermissions(Path file) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        List<String> loose = new ArrayList<>();
        for (PosixFilePermission permission : permissions) {
            if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
                loose.add(permission.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!loose.isEmpty()) {
            throw new StoreException("the key file " + file + " is accessible to other users (mode "
                    + PosixFilePermissions.toString(permissions) + "); it holds the key to every stored secret. "
                    + "Restrict it with: chmod 600 " + file);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "Keyring" + kids;
    }
}
