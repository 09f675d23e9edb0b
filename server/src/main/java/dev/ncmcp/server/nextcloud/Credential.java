package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.NextcloudException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a client authenticates to Nextcloud: the value of its {@code Authorization} header. Resolving it may take
 * work that can fail (a token exchange, looking up the user's grant), so a client asks for it when it first
 * sends, and a failure surfaces there as a {@link NextcloudException}.
 */
@FunctionalInterface
interface Credential {

    /** The {@code Authorization} header value; null for anonymous requests. */
    String authorization() throws NextcloudException;

    Credential ANONYMOUS = () -> null;

    static Credential basic(String login, String password) {
        String pair = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return () -> "Basic " + pair;
    }

    static Credential bearer(String accessToken) {
        return () -> "Bearer " + accessToken;
    }
}
