package dev.ncmcp.spi;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OAuth scope declared structurally: the app it belongs to and the access it grants
 * ({@code notes} + {@code read}). The server renders it with the configured separator
 * ({@code notes:read} by default, {@code notes.read} for identity providers that reject {@code :})
 * and understands tokens carrying either form.
 *
 * <p>One scope is not an application scope: {@link #OPENID}, the OpenID Connect login itself
 * ({@code openid}, empty access). Tools that manage the user's connection to Nextcloud require it.
 */
public record Scope(String app, String access) implements Comparable<Scope> {

    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    /** The OpenID Connect scope every login carries; rendered {@code openid}. */
    public static final Scope OPENID = new Scope("openid", "");

    public Scope {
        requireSegment("app", app);
        if (!("openid".equals(app) && "".equals(access))) {
            requireSegment("access", access);
        }
    }

    public static Scope of(String app, String access) {
        return new Scope(app, access);
    }

    public static Scope read(String app) {
        return new Scope(app, "read");
    }

    public static Scope write(String app) {
        return new Scope(app, "write");
    }

    /**
     * Parses {@code app:access}, {@code app.access} or {@code openid}; anything else (for example
     * {@code profile}) is not a scope ncmcp knows and gives an empty result.
     */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("openid")) {
            return Optional.of(OPENID);
        }
        int colon = text.indexOf(':');
        int dot = text.indexOf('.');
        int split = colon >= 0 ? colon : dot;
        if (split <= 0 || split == text.length() - 1 || (colon >= 0 && dot >= 0)) {
            return Optional.empty();
        }
        String app = text.substring(0, split);
        String access = text.substring(split + 1);
        if (!SEGMENT.matcher(app).matches() || !SEGMENT.matcher(access).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Scope(app, access));
    }

    /** The scope as a token string, {@code notes:read} for separator {@code ':'}. */
    public String render(char separator) {
        return isOpenId() ? app : app + separator + access;
    }

    /** Whether this is {@link #OPENID} rather than an application scope. */
    public boolean isOpenId() {
        return access.isEmpty();
    }

    @Override
    public int compareTo(Scope other) {
        int byApp = app.compareTo(other.app);
        return byApp != 0 ? byApp : access.compareTo(other.access);
    }

    @Override
    public String toString() {
        return render(':');
    }

    private static void requireSegment(String what, String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("scope " + what + " must match " + SEGMENT + ", was: " + value);
        }
    }
}
