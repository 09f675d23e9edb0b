package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.SimRequest;

import java.time.Instant;

/** One request as Deck's controllers see it: the caller, their access, the parameters and the time. */
record DeckCall(DeckState state, Access access, DeckJson json, DeckParams params, SimRequest request, long now) {

    String user() {
        return access.user();
    }

    static long currentTime() {
        return Instant.now().getEpochSecond();
    }

    /**
     * {@code ChangeHelper::cardChanged}: the card's stack and board count as modified now, and with
     * {@code updateCard} the card too, edited by the caller.
     */
    void cardChanged(Card card, boolean updateCard) {
        if (updateCard) {
            card.lastModified = now;
            card.lastEditor = user();
        }
        state.stack(card.stackId).ifPresent(stack -> stack.lastModified = now);
        state.boardOfCard(card.id).ifPresent(board -> board.lastModified = now);
    }

    /** {@code ChangeHelper::boardChanged}. */
    void boardChanged(long boardId) {
        state.board(boardId).ifPresent(board -> board.lastModified = now);
    }
}
