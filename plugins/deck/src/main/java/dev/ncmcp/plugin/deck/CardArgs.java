package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckApi.CardRef;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Range;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;

/** The ids every card tool takes: Deck's card routes name the board and the stack. */
final class CardArgs {
    static final String STACK = "Id of the stack the card is in, from nc_deck_get_board_overview or nc_deck_list_cards";
    static final String CARD = "Card id, from nc_deck_get_board_overview or nc_deck_list_cards";
    static final String DUEDATE = "Due date, ISO-8601, e.g. 2026-12-01T17:00:00Z or 2026-12-01";
    /** A date, optionally with a time and an offset, as PHP's date parser reads it. */
    static final String DATE_PATTERN = "\\d{4}-\\d{2}-\\d{2}"
            + "([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?";

    private CardArgs() {
    }

    record CardId(@Description(BOARD) @Range(min = 1) long boardId,
                  @Description(STACK) @Range(min = 1) long stackId,
                  @Description(CARD) @Range(min = 1) long cardId) {
        CardRef ref() {
            return new CardRef(boardId, stackId, cardId);
        }
    }
}
