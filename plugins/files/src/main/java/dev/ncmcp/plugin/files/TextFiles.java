package dev.ncmcp.plugin.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which files a model gets as text: text types, and small files that are valid UTF-8 without NUL bytes. */
final class TextFiles {

    /** Files without a text type are still shown as text when they decode as UTF-8 and are this small. */
    static final int SNIFF_LIMIT = 1024 * 1024;

    private static final Set<String> TEXT_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript", "application/x-javascript",
            "application/ecmascript", "application/x-yaml", "application/yaml", "application/toml",
            "application/x-sh", "application/x-shellscript", "application/sql", "application/x-php",
            "application/csv", "application/x-tex", "application/x-latex", "application/rtf",
            "application/x-markdown", "application/markdown", "image/svg+xml", "message/rfc822");

    private TextFiles() {}

    /** The MIME type of a {@code Content-Type} value, lower case and without parameters. */
    static String mime(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isTextType(String mime) {
        return mime.startsWith("text/") || TEXT_TYPES.contains(mime) || mime.endsWith("+json") || mime.endsWith("+xml")
                || mime.contains("markdown");
    }

    static Optional<String> text(String mime, byte[] body) {
        boolean textType = isTextType(mime);
        if (!textType && body.length > SNIFF_LIMIT) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return textType || text.indexOf('\0') < 0 ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
