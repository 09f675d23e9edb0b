package dev.ncmcp.simulator.deck;

/** A board shared with a participant: a user (type 0), a group (1) or a team (7). Reading is always allowed. */
final class Acl {
    static final int USER = 0;

    final long id;
    final long boardId;
    final int type;
    final String participant;
    boolean edit;
    boolean share;
    boolean manage;

    Acl(long id, long boardId, int type, String participant) {
        this.id = id;
        this.boardId = boardId;
        this.type = type;
        this.participant = participant;
    }
}
