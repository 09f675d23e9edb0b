package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.deck.Permissions.Need;

/**
 * Deck's {@code PermissionService::checkPermission} plus the lookup that follows it: an object the user may not
 * touch, a missing one and one on a deleted board all answer 403 "Permission denied"; a deleted card answers
 * 403 "Card is deleted".
 */
final class Access {
    private final DeckState state;
    private final String user;

    Access(DeckState state, String user) {
        this.state = state;
        this.user = user;
    }

    String user() {
        return user;
    }

    Permissions on(Board board) {
        return Permissions.of(state, board, user);
    }

    /** A board that is not deleted and that the user may use as {@code need} says. */
    Board board(long id, Need need) {
        Board board = state.board(id).orElseThrow(DeckError::denied);
        if (!on(board).allows(need) || board.deleted()) {
            throw DeckError.denied();
        }
        return board;
    }

    /** A board the user may use as {@code need} says, deleted or not (its owner keeps every permission). */
    Board boardEvenDeleted(long id, Need need) {
        Board board = state.board(id).orElseThrow(DeckError::denied);
        if (!on(board).allows(need)) {
            throw DeckError.denied();
        }
        return board;
    }

    Stack stack(long id, Need need) {
        Stack stack = state.stack(id).orElseThrow(DeckError::denied);
        boardEvenDeleted(stack.boardId, need);
        return stack;
    }

    Card card(long id, Need need) {
        Card card = cardEvenDeleted(id, need);
        if (card.deleted()) {
            throw new DeckError(403, "Card is deleted");
        }
        return card;
    }

    Card cardEvenDeleted(long id, Need need) {
        Card card = state.card(id).orElseThrow(DeckError::denied);
        Board board = state.boardOfCard(id).orElseThrow(DeckError::denied);
        if (!on(board).allows(need)) {
            throw DeckError.denied();
        }
        return card;
    }

    Label label(long id, Need need) {
        Label label = state.label(id).orElseThrow(DeckError::denied);
        boardEvenDeleted(label.boardId, need);
        return label;
    }

    Board boardOf(Card card) {
        return state.boardOfCard(card.id).orElseThrow(DeckError::denied);
    }

    /** Deck's {@code BoardService::isArchived} guard of every write below a board. */
    static void writable(Board board) {
        if (board.archived) {
            throw DeckError.boardArchived();
        }
    }
}
