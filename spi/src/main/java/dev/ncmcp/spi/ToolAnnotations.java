package dev.ncmcp.spi;

/**
 * Behaviour hints for clients (MCP tool annotations). Clients treat them as untrusted hints; they
 * never replace scope checks.
 *
 * @param readOnly    the tool does not change anything
 * @param destructive the tool may delete or overwrite data (meaningful only when not read-only)
 * @param idempotent  calling it twice with the same arguments has no additional effect
 * @param openWorld   the tool reaches beyond the user's Nextcloud (for example the internet)
 */
public record ToolAnnotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public ToolAnnotations {
        if (readOnly && destructive) {
            throw new IllegalArgumentException("a read-only tool cannot be destructive");
        }
    }

    /** Reads only. */
    public static final ToolAnnotations READ_ONLY = new ToolAnnotations(true, false, true, false);
    /** Creates or changes data without destroying any. */
    public static final ToolAnnotations ADDITIVE = new ToolAnnotations(false, false, false, false);
    /** Changes data in place; repeating it gives the same state. */
    public static final ToolAnnotations IDEMPOTENT_WRITE = new ToolAnnotations(false, true, true, false);
    /** Deletes or overwrites data. */
    public static final ToolAnnotations DESTRUCTIVE = new ToolAnnotations(false, true, false, false);
}
