package dev.ncmcp.simulator.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nextcloud's MIME types by file extension and their "secure" alternatives ({@code mimetypes.tsv}).
 * {@code lib/private/Files/Type/Detection.php}: {@code detectPath} looks at the last extension
 * only, ignores leading dots and version/transfer suffixes, and falls back to
 * {@code application/octet-stream}; {@code getSecureMimeType} maps a type to its alternative, a
 * type without one to itself and an unknown type to {@code application/octet-stream}.
 *
 * <p>The stored type is what PROPFIND shows and SEARCH conditions compare; the secure type is what
 * a GET serves and what {@code getcontenttype} shows in every other method (Sabre
 * {@code File::getContentType} keeps the stored type for PROPFIND only).
 */
final class MimeTypes {
    static final String FOLDER = "httpd/unix-directory";
    static final String DEFAULT = "application/octet-stream";
    private static final Pattern VERSION_OR_TRANSFER_SUFFIX = Pattern.compile("((\\.v\\d+)|((\\.ocTransferId\\d+)?\\.part))$");
    private static final Map<String, String> BY_EXTENSION = new HashMap<>();
    private static final Map<String, String> SECURE = new HashMap<>();

    static {
        try (InputStream in = MimeTypes.class.getResourceAsStream("mimetypes.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(MimeTypes::register);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MimeTypes() {
    }

    private static void register(String line) {
        String[] columns = line.split("\t");
        String type = columns[1];
        String secure = columns.length > 2 ? columns[2] : type;
        BY_EXTENSION.put(columns[0], type);
        SECURE.put(type, secure);
        SECURE.put(secure, secure);
    }

    /** The type Nextcloud stores for a file of this name. */
    static String ofName(String name) {
        String fileName = name.replaceFirst("^\\.+", "");
        if (fileName.indexOf('.') <= 0) {
            return DEFAULT;
        }
        fileName = VERSION_OR_TRANSFER_SUFFIX.matcher(fileName).replaceFirst("");
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? DEFAULT : BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }

    /** The type Nextcloud serves for a stored type. */
    static String secure(String type) {
        return SECURE.getOrDefault(type, DEFAULT);
    }

    /** A GET's Content-Type: PHP adds {@code ;charset=UTF-8} to {@code text/*} ({@code sapi_apply_default_charset}). */
    static String contentTypeHeader(String type) {
        return type.startsWith("text/") ? type + ";charset=UTF-8" : type;
    }
}
