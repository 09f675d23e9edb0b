package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The quota check of a WebDAV upload ({@code apps/dav/lib/Connector/Sabre/QuotaPlugin.php},
 * {@code checkQuota}, run on {@code beforeCreateFile} and {@code beforeWriteContent}): the upload
 * length is the largest of {@code X-Expected-Entity-Length}, {@code Content-Length} and
 * {@code OC-Total-Length}; a length of 0 or an unlimited quota always passes. The free space still
 * counts the file being overwritten.
 */
final class QuotaCheck {
    private QuotaCheck() {
    }

    /** A 507 when the upload to {@code relPath} does not fit. */
    static Optional<SimResponse> refuse(FileRequest r, String relPath) {
        long length = LongStream.of(numericHeader(r, "X-Expected-Entity-Length"), r.request().body().length,
                                    numericHeader(r, "OC-Total-Length")).max().orElse(0);
        long free = r.freeSpace();
        if (length == 0 || free < 0 || length <= free) {
            return Optional.empty();
        }
        return Optional.of(SabreError.response(507, SabreError.INSUFFICIENT_STORAGE,
                "Insufficient space in /" + relPath + ", " + length + " required, " + free + " available"));
    }

    private static long numericHeader(FileRequest r, String name) {
        try {
            return r.header(name).map(String::trim).map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
