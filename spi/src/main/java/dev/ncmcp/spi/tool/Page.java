package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list the sidecar cuts itself, in the one paging shape every tool uses: at most {@code limit}
 * items, the total, and an opaque {@code nextCursor} to pass back for the next page (absent on the last page).
 * For APIs that page themselves (a provider cursor, {@code since}), pass their cursor through instead.
 *
 * @param items      this page
 * @param total      how many items there are in all
 * @param nextCursor the cursor of the next page, or empty on the last page
 */
public record Page<T>(List<T> items, int total, Optional<String> nextCursor) {

    private static final String PREFIX = "o:";

    public Page {
        items = List.copyOf(items);
    }

    /** Whether more items follow. */
    public boolean truncated() {
        return nextCursor.isPresent();
    }

    /**
     * The page of {@code all} that {@code cursor} points at.
     *
     * @throws ToolException INVALID_ARGUMENT for a cursor this tool did not hand out
     */
    public static <T> Page<T> of(List<T> all, Optional<String> cursor, int limit) throws ToolException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        int offset = cursor.isPresent() ? offset(cursor.get()) : 0;
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        Optional<String> next = to < all.size() ? Optional.of(cursor(to)) : Optional.empty();
        return new Page<>(all.subList(from, to), all.size(), next);
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int offset(String cursor) throws ToolException {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ToolException.invalidArgument("'cursor' is not a cursor this tool returned; pass the nextCursor of the "
                + "previous page unchanged, or leave it out to start from the beginning");
    }
}
