package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ToolException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque cursor of nc_tables_read_rows: where the next page starts among the rows read. */
final class RowCursor {
    private static final String PREFIX = "rows:";

    private RowCursor() {
    }

    static String at(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int offset(Optional<String> cursor) throws ToolException {
        if (cursor.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ToolException.invalidArgument("'cursor' is not a cursor nc_tables_read_rows returned; pass the "
                + "nextCursor of the previous page unchanged, or leave it out to start from the first row");
    }
}
