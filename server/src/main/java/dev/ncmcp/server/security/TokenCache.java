package dev.ncmcp.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validated tokens, keyed by the SHA-256 of the token (never the token itself; entries do not hold it either),
 * until {@code min(exp, validated + ttl)}. Bounded: the oldest entry makes room. Only successes are cached:
 * a negative cache would not stop a flood (each garbage token is new), local JWT checks are cheap, and a
 * rejected token may become valid (its {@code nbf}, a rotated-in key).
 */
final class TokenCache {

    private record Entry(ValidatedToken token, Instant until) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    TokenCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The cached validation, with the raw token re-attached, or null. */
    ValidatedToken get(String token) {
        String key = key(token);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (!now.isBefore(entry.until())) {
                entries.remove(key);
                return null;
            }
            return entry.token().withToken(token);
        }
    }

    /**
     * @param until the latest moment the result may be used; the token's own {@code exp} caps it
     */
    void put(String token, ValidatedToken validated, Instant until) {
        Instant expiry = validated.expiresAt() != null && validated.expiresAt().isBefore(until)
                ? validated.expiresAt() : until;
        Instant now = clock.instant();
        if (maxEntries <= 0 || !now.isBefore(expiry)) {
            return;
        }
        String key = key(token);
        synchronized (entries) {
            entries.remove(key);
            if (entries.size() >= maxEntries) {
                purgeExpired(now);
            }
            Iterator<String> oldest = entries.keySet().iterator();
            while (entries.size() >= maxEntries && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
            entries.put(key, new Entry(validated.withoutToken(), expiry));
        }
    }

    /** The keys, for tests: SHA-256 hex digests. */
    Set<String> keys() {
        synchronized (entries) {
            return Set.copyOf(entries.keySet());
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void purgeExpired(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
    }

    static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
