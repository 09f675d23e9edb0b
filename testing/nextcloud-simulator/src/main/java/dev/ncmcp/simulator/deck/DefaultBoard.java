package dev.ncmcp.simulator.deck;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code DefaultBoardService::checkFirstRun}: the first board list of a user creates their "Personal" board with the
 * stacks To do, Doing and Done and one example card in each.
 */
final class DefaultBoard {
    private final Set<String> done = new HashSet<>();

    /** Marks the user as past their first run without creating anything (sample data brings its own boards). */
    void skipFor(String user) {
        done.add(user);
    }

    void ensureFor(String user, DeckCall call) {
        if (!done.add(user)) {
            return;
        }
        DeckState state = call.state();
        Board board = BoardEndpoints.createBoard(state, user, "Personal", "0087C5");
        String[] stacks = {"To do", "Doing", "Done"};
        String[] cards = {"Example Task 3", "Example Task 2", "Example Task 1"};
        for (int i = 0; i < stacks.length; i++) {
            Stack stack = state.addStack(board.id, stacks[i], 1);
            Card card = state.addCard(stack.id, user, call.now());
            card.title = cards[i];
            card.description = "";
            card.type = "text";
            card.order = 0;
            call.cardChanged(card, false);
        }
        call.boardChanged(board.id);
    }
}
