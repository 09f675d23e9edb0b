package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

/**
 * What Deck's exception middleware makes of its exceptions: {@code {"status":…,"message":…}} with the same HTTP
 * status (OCS controllers put the message into the OCS envelope instead). A missing object is a 403
 * "Permission denied" like a foreign one, so nothing leaks about what exists.
 */
final class DeckError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    DeckError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static DeckError denied() {
        return new DeckError(403, "Permission denied");
    }

    static DeckError denied(String message) {
        return new DeckError(403, message);
    }

    static DeckError badRequest(String message) {
        return new DeckError(400, message);
    }

    static DeckError notFound(String message) {
        return new DeckError(404, message);
    }

    /** Deck's {@code StatusException}: its message with HTTP 500. */
    static DeckError status(String message) {
        return new DeckError(500, message);
    }

    static DeckError boardArchived() {
        return status("Operation not allowed. This board is archived.");
    }

    static DeckError cardArchived() {
        return status("Operation not allowed. This card is archived.");
    }

    SimResponse response() {
        return SimResponse.json(status, Json.createObjectBuilder().add("status", status).add("message", getMessage())
                .build());
    }
}
