package dev.ncmcp.spi.nextcloud;

import java.util.Optional;

/**
 * An entity tag as a model passes it back: with or without quotes, possibly weak ({@code W/"…"}).
 *
 * @param value the tag without quotes and without {@code W/}
 * @param weak  whether it was weak
 */
public record Etag(String value, boolean weak) {

    /** Reads a tag; blank or missing text is no tag. */
    public static Optional<Etag> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String bare = text.strip();
        boolean weak = bare.startsWith("W/");
        if (weak) {
            bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.isEmpty() ? Optional.empty() : Optional.of(new Etag(bare, weak));
    }

    /** The tag as sent in {@code If-Match}: {@code "…"} or {@code W/"…"}. */
    public String header() {
        return (weak ? "W/" : "") + strongHeader();
    }

    /** The tag quoted, without a weak marker (for APIs that compare the plain value, such as Notes). */
    public String strongHeader() {
        return "\"" + value + "\"";
    }
}
