package dev.ncmcp.simulator;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, their (app) passwords and quotas. Thread-safe.
 */
public final class Accounts {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The group every Nextcloud has; a user named {@code admin} is in it, as the installer's admin is. */
    public static final String ADMIN_GROUP = "admin";

    private final Map<String, Set<String>> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();
    private final Set<String> notesDisabled = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> quotas = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();

    Accounts() {
        groups.put(ADMIN_GROUP, ConcurrentHashMap.newKeySet());
    }

    void add(String user, String password, String displayName) {
        passwords.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(password);
        displayNames.putIfAbsent(user, displayName != null ? displayName : defaultDisplayName(user));
        if (user.equals("admin")) {
            addToGroup(ADMIN_GROUP, user);
        }
    }

    void addToGroup(String group, String user) {
        groups.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(user);
    }

    /** Every group id (sharing with a group, sharee search). */
    public Set<String> groups() {
        return Set.copyOf(groups.keySet());
    }

    public boolean inGroup(String user, String group) {
        Set<String> members = groups.get(group);
        return members != null && members.contains(user);
    }

    public boolean exists(String user) {
        return passwords.containsKey(user);
    }

    public Set<String> users() {
        return Set.copyOf(passwords.keySet());
    }

    public boolean check(String user, String password) {
        Set<String> set = passwords.get(user);
        return set != null && set.contains(password);
    }

    public String displayName(String user) {
        return displayNames.getOrDefault(user, user);
    }

    /** Mints a new 72-character app password for the user (Login Flow v2). */
    public String mintAppPassword(String user) {
        String password = randomToken(72);
        passwords.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(password);
        return password;
    }

    public void revoke(String user, String password) {
        Set<String> set = passwords.get(user);
        if (set != null) {
            set.remove(password);
        }
    }

    void disableNotes(String user) {
        notesDisabled.add(user);
    }

    public boolean notesEnabled(String user) {
        return !notesDisabled.contains(user);
    }

    /** The user's quota in bytes; empty = unlimited (the default). */
    public OptionalLong quota(String user) {
        Long bytes = quotas.get(user);
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    void quota(String user, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a quota is a number of bytes >= 0");
        }
        quotas.put(user, bytes);
    }

    void unlimitedQuota(String user) {
        quotas.remove(user);
    }

    public static String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String defaultDisplayName(String user) {
        return user.isEmpty() ? user : user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1);
    }
}
