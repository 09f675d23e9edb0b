package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;

/** Who may see a share: its owner, the user it is shared with, and the members of its group who did not leave it. */
final class ShareAccess {
    private final Accounts accounts;

    ShareAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    boolean owns(String user, Share share) {
        return share.owner.equals(user);
    }

    boolean receives(String user, Share share) {
        return switch (share.type) {
            case USER -> user.equals(share.sharedWith);
            case GROUP -> accounts.inGroup(user, share.sharedWith) && !share.leftBy.contains(user);
            default -> false;
        };
    }

    boolean sees(String user, Share share) {
        return owns(user, share) || receives(user, share);
    }
}
