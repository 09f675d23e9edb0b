package dev.ncmcp.simulator.tables;

/**
 * A refusal of the Tables app. {@code message} null is the empty {@code text/html} 404 the app answers for a table
 * the user may not see; otherwise it travels as {@code {"message": …}} (API v1) or in the OCS {@code data} (API v2).
 */
final class TablesFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String UNEXPECTED = "An unexpected error occurred. More details can be found in the logs. Please "
            + "reach out to your administration.";

    final int status;

    TablesFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static TablesFailure noTable() {
        return new TablesFailure(404, null);
    }

    static TablesFailure noRow() {
        return new TablesFailure(404, "OCA\\Tables\\Service\\RowService - find: Did expect one result but found none "
                + "when executing: query \"SELECT * FROM `*PREFIX*tables_row_sleeves` WHERE `id` = :dcValue1\"; ");
    }
}
