package dev.ncmcp.simulator.deck;

/** A comment on a card ({@code parentId} 0 when it is no reply), kept by Nextcloud's comments manager. */
final class Comment {
    final long id;
    final long cardId;
    final String actor;
    final long parentId;
    final String created;
    String message;

    Comment(long id, long cardId, String actor, long parentId, String created, String message) {
        this.id = id;
        this.cardId = cardId;
        this.actor = actor;
        this.parentId = parentId;
        this.created = created;
        this.message = message;
    }
}
