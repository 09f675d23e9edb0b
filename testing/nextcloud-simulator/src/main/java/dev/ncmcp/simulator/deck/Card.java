package dev.ncmcp.simulator.deck;

/**
 * A card. {@code duedate} and {@code done} are kept as Deck writes them ({@code 2026-12-01T10:00:00+00:00});
 * {@code descriptionPrev} is the description before the first update, as Deck keeps it for its activity stream.
 */
final class Card {
    final long id;
    final String owner;
    final long createdAt;
    long stackId;
    String title;
    String description;
    String descriptionPrev;
    String type;
    long order;
    boolean archived;
    String done;
    String duedate;
    String lastEditor;
    long lastModified;
    long deletedAt;

    Card(long id, long stackId, String owner, long createdAt) {
        this.id = id;
        this.stackId = stackId;
        this.owner = owner;
        this.createdAt = createdAt;
        this.lastModified = createdAt;
    }

    boolean deleted() {
        return deletedAt > 0;
    }
}
