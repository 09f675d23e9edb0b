package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.DeckJson.LabelForm;
import dev.ncmcp.simulator.deck.Permissions.Need;

/** {@code LabelApiController}: a board's labels; titles are unique per board, colors six hex digits. */
final class LabelEndpoints {

    SimResponse get(DeckCall call, long labelId) {
        Label label = call.access().label(labelId, Need.READ);
        return SimResponse.json(200, call.json().label(label, LabelForm.OF_BOARD, null));
    }

    SimResponse create(DeckCall call, long boardId) {
        String title = Validate.text(call.params(), "title", 100);
        String color = Validate.color(call.params(), true);
        Board board = call.access().board(boardId, Need.MANAGE);
        unique(call, board.id, title, 0);
        Access.writable(board);
        Label label = call.state().addLabel(board.id, title, color);
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().label(label, LabelForm.CREATED, null));
    }

    SimResponse update(DeckCall call, long labelId) {
        String title = Validate.text(call.params(), "title", 100);
        String color = Validate.color(call.params(), true);
        Label label = call.access().label(labelId, Need.MANAGE);
        unique(call, label.boardId, title, label.id);
        Access.writable(call.state().boards.get(label.boardId));
        label.title = title;
        label.color = color;
        call.boardChanged(label.boardId);
        return SimResponse.json(200, call.json().label(label, LabelForm.OF_BOARD, null));
    }

    /** DELETE: the label goes, and with it its assignments to cards. */
    SimResponse delete(DeckCall call, long labelId) {
        Label label = call.access().label(labelId, Need.MANAGE);
        Access.writable(call.state().boards.get(label.boardId));
        call.state().labels.remove(label.id);
        call.state().cardLabels.values().forEach(labels -> labels.remove(label.id));
        call.boardChanged(label.boardId);
        return SimResponse.json(200, call.json().label(label, LabelForm.OF_BOARD, null));
    }

    private static void unique(DeckCall call, long boardId, String title, long except) {
        if (call.state().labelsOf(boardId).stream()
                .anyMatch(label -> label.id != except && label.title.equals(title))) {
            throw DeckError.badRequest("title must be unique");
        }
    }
}
