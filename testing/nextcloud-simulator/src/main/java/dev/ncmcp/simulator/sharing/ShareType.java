package dev.ncmcp.simulator.sharing;

import java.util.Arrays;
import java.util.Optional;

/** The share types of {@code OCP\Share\IShare}, in the order Nextcloud lists a user's shares. */
enum ShareType {
    USER(0), GROUP(1), LINK(3), EMAIL(4), REMOTE(6), TEAM(7), ROOM(10), DECK(12);

    final int code;

    ShareType(int code) {
        this.code = code;
    }

    static Optional<ShareType> of(long code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }

    /** Link and e-mail shares are reached with a token; they have no account on the other side. */
    boolean hasToken() {
        return this == LINK || this == EMAIL;
    }
}
