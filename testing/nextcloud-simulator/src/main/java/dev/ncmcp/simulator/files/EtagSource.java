package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.Hashes;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique ETags in Nextcloud's formats: 32 hex digits (md5) for files, 13 hex digits
 * (PHP {@code uniqid()}) for folders.
 */
final class EtagSource {
    private final AtomicLong counter = new AtomicLong();
    private final long base = System.currentTimeMillis() * 1000;

    String fileEtag() {
        return Hashes.md5(base + ":" + counter.incrementAndGet() + ":" + System.nanoTime());
    }

    String folderEtag() {
        return HexFormat.of().toHexDigits(base + counter.incrementAndGet()).substring(3);
    }
}
