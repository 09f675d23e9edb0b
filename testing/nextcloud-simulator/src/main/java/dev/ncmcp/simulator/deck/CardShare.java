package dev.ncmcp.simulator.deck;

/** A file of its owner shared with a card (share type 12): Deck lists it as an attachment of type {@code file}. */
record CardShare(long id, long cardId, String owner, long fileId, long sharedAt) {
}
