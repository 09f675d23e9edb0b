package dev.ncmcp.simulator.deck;

/** A column of cards on a board; {@code lastModified} stays 0 until a card in it changes. */
final class Stack {
    final long id;
    long boardId;
    String title;
    long order;
    long deletedAt;
    long lastModified;

    Stack(long id, long boardId, String title, long order) {
        this.id = id;
        this.boardId = boardId;
        this.title = title;
        this.order = order;
    }

    boolean deleted() {
        return deletedAt > 0;
    }
}
