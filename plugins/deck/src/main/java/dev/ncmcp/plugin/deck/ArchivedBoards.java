package dev.ncmcp.plugin.deck;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudException;

/**
 * Deck refuses every change on an archived board with a plain HTTP 500 ("Operation not allowed. This board is
 * archived."), which reaches a plugin as Nextcloud being unavailable. When a write fails that way this looks at the
 * board and, if it is archived, says so and how to go on.
 */
final class ArchivedBoards {
    private ArchivedBoards() {
    }

    /** A Deck write and what it returns. */
    @FunctionalInterface
    interface Write<T> {
        T run() throws ToolException;
    }

    /** A Deck write that returns nothing. */
    @FunctionalInterface
    interface Action {
        void run() throws ToolException;
    }

    static void explain(DeckApi api, long boardId, Action action) throws ToolException {
        explain(api, boardId, () -> {
            action.run();
            return null;
        });
    }

    static <T> T explain(DeckApi api, long boardId, Write<T> write) throws ToolException {
        try {
            return write.run();
        } catch (NextcloudException failure) {
            if (failure.kind() == ToolException.Kind.UNAVAILABLE && failure.getMessage().contains("HTTP 500")
                    && archived(api, boardId)) {
                throw ToolException.conflict("Board " + boardId + " is archived, and Deck changes nothing on an "
                        + "archived board. Unarchive it first with nc_deck_update_board (archived=false).", null);
            }
            throw failure;
        }
    }

    private static boolean archived(DeckApi api, long boardId) {
        try {
            return api.board(boardId).archived();
        } catch (ToolException e) {
            return false;
        }
    }
}
