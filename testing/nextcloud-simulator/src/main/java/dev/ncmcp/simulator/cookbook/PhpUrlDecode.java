package dev.ncmcp.simulator.cookbook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PHP's {@code urldecode}, which cookbook applies to route parameters the router has already decoded: {@code +} is
 * a blank, {@code %XX} a byte, and a {@code %} without two hex digits stays as it is.
 */
final class PhpUrlDecode {
    private PhpUrlDecode() {
    }

    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
