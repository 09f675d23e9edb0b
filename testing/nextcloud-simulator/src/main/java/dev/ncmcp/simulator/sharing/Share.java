package dev.ncmcp.simulator.sharing;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * One share as the share manager stores it. Mutable only through {@link ShareStore}, under its lock.
 */
final class Share {
    final long id;
    final ShareType type;
    final String owner;
    final long nodeId;
    /** The user, group, e-mail address or cloud id; null for a link. */
    final String sharedWith;
    /** The public token of a link or e-mail share, else null. */
    final String token;
    final long created;
    int permissions;
    LocalDate expiration;
    /** The stored hash; the password itself is never kept. */
    String passwordHash;
    String note = "";
    String label = "";
    boolean hideDownload;
    /** Nextcloud answers {@code "[]"} instead of null once a link share was updated. */
    boolean attributesWritten;
    /** Group members who removed the share from their own files. */
    final Set<String> leftBy = new HashSet<>();

    Share(long id, ShareType type, String owner, long nodeId, String sharedWith, String token, long created) {
        this.id = id;
        this.type = type;
        this.owner = owner;
        this.nodeId = nodeId;
        this.sharedWith = sharedWith;
        this.token = token;
        this.created = created;
    }
}
