package dev.ncmcp.server.oauth;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Redirect URI rules: registered URIs are https, http on a loopback address, or a private-use scheme of a native
 * app (RFC 8252 §7.1, a reverse domain name such as {@code com.example.app}); an authorization request's URI must
 * equal a registered one exactly, except that a loopback URI may name any port (RFC 8252 §7.3).
 */
final class RedirectUris {

    private RedirectUris() {
    }

    /** Why {@code text} cannot be registered, or null when it can. */
    static String problem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (Exception e) {
            return "not a URI: " + text;
        }
        if (!uri.isAbsolute() || uri.isOpaque() && !privateUse(uri.getScheme())) {
            return "not an absolute URI: " + text;
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment: " + text;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri.getHost() == null ? "no host: " + text : null;
        }
        if (scheme.equals("http")) {
            return isLoopback(uri) ? null : "http is only allowed for loopback addresses (127.0.0.1, [::1], "
                    + "localhost); use https: " + text;
        }
        return privateUse(scheme) ? null : "scheme '" + scheme + "' is not allowed: " + text;
    }

    /** A private-use scheme is a reverse domain name: it contains a dot (RFC 8252 §7.1). */
    private static boolean privateUse(String scheme) {
        return scheme != null && scheme.contains(".") && scheme.matches("[A-Za-z][A-Za-z0-9+.\\-]*");
    }

    static boolean isLoopback(URI uri) {
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http") || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
    }

    /** Whether {@code requested} matches one of {@code registered} (exact, or loopback with any port). */
    static boolean matches(String requested, Collection<String> registered) {
        if (requested == null) {
            return false;
        }
        if (registered.contains(requested)) {
            return true;
        }
        URI asked;
        try {
            asked = new URI(requested);
        } catch (Exception e) {
            return false;
        }
        if (!isLoopback(asked) || asked.getRawFragment() != null) {
            return false;
        }
        for (String candidate : registered) {
            try {
                URI known = new URI(candidate);
                if (isLoopback(known) && known.getHost().equalsIgnoreCase(asked.getHost())
                        && Objects.equals(known.getRawPath(), asked.getRawPath())
                        && Objects.equals(known.getRawQuery(), asked.getRawQuery())
                        && known.getRawUserInfo() == null && asked.getRawUserInfo() == null) {
                    return true;
                }
            } catch (Exception e) {
                // not a URI: cannot match
            }
        }
        return false;
    }
}
