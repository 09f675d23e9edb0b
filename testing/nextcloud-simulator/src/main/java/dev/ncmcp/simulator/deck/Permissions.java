package dev.ncmcp.simulator.deck;

/** What a user may do on a board ({@code PermissionService::getPermissions}): the owner all, others by their ACL. */
record Permissions(boolean read, boolean edit, boolean manage, boolean share) {
    static final Permissions NONE = new Permissions(false, false, false, false);
    static final Permissions ALL = new Permissions(true, true, true, true);

    static Permissions of(DeckState state, Board board, String user) {
        if (board.owner.equals(user)) {
            return ALL;
        }
        if (board.deleted()) {
            return NONE;
        }
        return state.aclsOf(board.id).stream()
                .filter(acl -> acl.type == Acl.USER && acl.participant.equals(user))
                .findFirst()
                .map(acl -> new Permissions(true, acl.edit, acl.manage, acl.share))
                .orElse(NONE);
    }

    boolean allows(Need need) {
        return switch (need) {
            case READ -> read;
            case EDIT -> edit;
            case MANAGE -> manage;
            case SHARE -> share;
        };
    }

    /** The permission an operation needs. */
    enum Need { READ, EDIT, MANAGE, SHARE }
}
