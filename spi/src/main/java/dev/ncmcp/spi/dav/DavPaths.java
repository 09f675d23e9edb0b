package dev.ncmcp.spi.dav;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Percent-encoding of DAV paths, segment by segment, and decoding of the hrefs Nextcloud sends back. */
public final class DavPaths {

    private DavPaths() {
    }

    /** Percent-encodes one path segment: all but {@code A-Z a-z 0-9 - . _ ~}, as UTF-8 bytes. */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A collection path ending in {@code /} plus encoded segments: {@code /remote.php/dav/calendars/bob/} + [work]. */
    public static String child(String collection, List<String> segments) {
        StringBuilder path = new StringBuilder(collection.endsWith("/") ? collection : collection + "/");
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(encodeSegment(segments.get(i)));
        }
        return path.toString();
    }

    /** Decodes {@code %XX} sequences as UTF-8; a malformed sequence is kept as it is. {@code +} stays a plus. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            bytes.write(raw[i]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An href of a Multi-Status (a path or an absolute URL, percent-encoded) as a decoded path. */
    public static String decodeHref(String href) {
        return decode(Multistatus.pathOf(href.strip()));
    }
}
