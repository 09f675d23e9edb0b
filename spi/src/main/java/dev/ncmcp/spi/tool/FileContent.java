package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ResourceContents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** How a file reaches the model: as text when it is text, otherwise as an image or an embedded binary resource. */
public final class FileContent {

    /** A file without a text type still counts as text when it is valid UTF-8 without NUL bytes and this small. */
    public static final int SNIFF_LIMIT = 1024 * 1024;

    private static final Set<String> TEXT_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript", "application/x-javascript",
            "application/ecmascript", "application/x-yaml", "application/yaml", "application/toml",
            "application/x-sh", "application/x-shellscript", "application/sql", "application/x-php",
            "application/csv", "application/x-tex", "application/x-latex", "application/rtf",
            "application/x-markdown", "application/markdown", "image/svg+xml", "message/rfc822");

    private FileContent() {
    }

    public static boolean isTextType(String mime) {
        return mime.startsWith("text/") || TEXT_TYPES.contains(mime) || mime.endsWith("+json")
                || mime.endsWith("+xml") || mime.contains("markdown");
    }

    /** The content as text when it is a text type, or small valid UTF-8 without NUL bytes. */
    public static Optional<String> text(String mime, byte[] bytes) {
        boolean textType = isTextType(mime);
        if (!textType && bytes.length > SNIFF_LIMIT) {
            return Optional.empty();
        }
        Optional<String> decoded = strictUtf8(bytes);
        return decoded.filter(text -> textType || text.indexOf('\0') < 0);
    }

    /** An embedded resource holding the bytes, base64-encoded. */
    public static Content blob(String uri, String mime, byte[] bytes) {
        return new Content.EmbeddedResource(new ResourceContents.Blob(uri, mime,
                Base64.getEncoder().encodeToString(bytes)));
    }

    public static Content image(String mime, byte[] bytes) {
        return new Content.Image(Base64.getEncoder().encodeToString(bytes), mime);
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
