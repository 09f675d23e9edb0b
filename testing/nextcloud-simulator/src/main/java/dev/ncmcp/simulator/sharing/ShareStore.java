package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * All shares of the simulated server, with ids from one sequence as Nextcloud's {@code oc_share} table gives them.
 * Callers synchronise on the store.
 */
final class ShareStore {
    static final int TOKEN_LENGTH = 15;

    private final Map<Long, Share> shares = new LinkedHashMap<>();
    private long lastId;

    Share add(ShareType type, String owner, long nodeId, String sharedWith, long created) {
        String token = type.hasToken() ? Accounts.randomToken(TOKEN_LENGTH) : null;
        Share share = new Share(++lastId, type, owner, nodeId, sharedWith, token, created);
        shares.put(share.id, share);
        return share;
    }

    void remove(Share share) {
        shares.remove(share.id);
    }

    Optional<Share> byId(long id) {
        return Optional.ofNullable(shares.get(id));
    }

    Optional<Share> byToken(String token) {
        return shares.values().stream().filter(share -> token.equals(share.token)).findFirst();
    }

    /** Shares matching {@code filter}, grouped by type in Nextcloud's listing order, then by id. */
    List<Share> list(Predicate<Share> filter) {
        List<Share> found = new ArrayList<>(shares.values().stream().filter(filter).toList());
        found.sort(Comparator.comparing((Share share) -> share.type).thenComparingLong(share -> share.id));
        return found;
    }
}
