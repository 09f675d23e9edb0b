package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

/**
 * A PHP exception escaping a Notes controller, with the status {@code Helper::handleErrorResponse}
 * maps it to ({@code lib/Controller/Helper.php}); the body is {@code {"errorType": <class>}}.
 */
final class NotesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    private NotesException(int status, String errorType) {
        super(errorType, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    static NotesException noteDoesNotExist() {
        return new NotesException(404, "OCA\\Notes\\Service\\NoteDoesNotExistException");
    }

    /** {@code NoteUtil::ensureSufficientStorage}: less free space than the bytes to write. */
    static NotesException insufficientStorage() {
        return new NotesException(507, "OCA\\Notes\\Service\\InsufficientStorageException");
    }

    /** The file lock is taken ({@code OCP\Lock\LockedException}), after {@code Util::retryIfLocked} gave up. */
    static NotesException locked() {
        return new NotesException(423, "OCP\\Lock\\LockedException");
    }

    /** {@code Folder::newFolder} failing: the quota wrapper refuses {@code mkdir} when nothing is free. */
    static NotesException notPermitted() {
        return new NotesException(500, "OCP\\Files\\NotPermittedException");
    }

    /** {@code File::putContent} failing: the quota wrapper refuses to write as many bytes as are free. */
    static NotesException genericFileError() {
        return new NotesException(500, "OCP\\Files\\GenericFileException");
    }

    SimResponse response() {
        return SimResponse.json(status, Json.createObjectBuilder().add("errorType", errorType).build());
    }
}
