package dev.ncmcp.simulator.deck;

/** A board: owned by one user, shared through {@link Acl} entries; a delete only sets {@code deletedAt}. */
final class Board {
    final long id;
    final String owner;
    String title;
    String color;
    boolean archived;
    long deletedAt;
    long lastModified;

    Board(long id, String owner, String title, String color) {
        this.id = id;
        this.owner = owner;
        this.title = title;
        this.color = color;
    }

    boolean deleted() {
        return deletedAt > 0;
    }
}
