package dev.ncmcp.simulator.deck;

/** A user assigned to a card. */
record Assignment(long id, long cardId, String participant) {
}
