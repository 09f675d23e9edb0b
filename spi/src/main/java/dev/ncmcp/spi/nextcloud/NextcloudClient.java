package dev.ncmcp.spi.nextcloud;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * HTTP access to Nextcloud, already authenticated as the caller. Paths are absolute on the
 * Nextcloud base URL ({@code /index.php/apps/notes/api/v1/notes}, {@code /remote.php/dav/…},
 * {@code /ocs/v2.php/…}); the client adds the base URL, credentials, timeouts and retries.
 *
 * <p>Failures no plugin can handle — Nextcloud unreachable, timeouts, 5xx after retries,
 * maintenance mode, rejected credentials (401) — are thrown as {@link NextcloudException}. Every
 * other status (404, 409, 412, 423, 507, 501 Not Implemented, …) is returned for the plugin to interpret,
 * normally with {@link Answer}.
 *
 * <p>The DAV locations come from discovery ({@code current-user-principal}, then the principal's
 * {@code calendar-home-set} and {@code addressbook-home-set}), never from a path built out of the login name:
 * the principal id differs from the login name for LDAP and renamed users. The server implements them and
 * caches them per user.
 */
public interface NextcloudClient {

    /** Nextcloud's base URL as the sidecar reaches it, without a trailing slash. */
    String baseUrl();

    /** The login name the calls are made as. */
    String loginName();

    NextcloudResponse send(NextcloudRequest request) throws NextcloudException;

    /** The caller's DAV principal, e.g. {@code /remote.php/dav/principals/users/bob/}. Ends with {@code /}. */
    default String principal() throws NextcloudException {
        throw new UnsupportedOperationException("this client does not discover DAV locations");
    }

    /** The caller's WebDAV files root, such as {@code /remote.php/dav/files/bob/}. Ends with {@code /}. */
    String filesRoot() throws NextcloudException;

    /** The caller's CalDAV calendar home, e.g. {@code /remote.php/dav/calendars/bob/}. Ends with {@code /}. */
    default String calendarHome() throws NextcloudException {
        throw new UnsupportedOperationException("this client does not discover DAV locations");
    }

    /** The caller's CardDAV address book home, e.g. {@code /remote.php/dav/addressbooks/users/bob/}. */
    default String addressBookHome() throws NextcloudException {
        throw new UnsupportedOperationException("this client does not discover DAV locations");
    }

    /**
     * Calls an OCS endpoint ({@link Ocs}) and returns {@code ocs.data}; an OCS failure status becomes a
     * {@link NextcloudException} carrying OCS's message.
     *
     * @param method HTTP method
     * @param path   path below the base URL, e.g. {@code /ocs/v2.php/cloud/capabilities}
     * @param body   JSON body for POST/PUT, or {@code null}
     */
    default JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
        NextcloudRequest.Builder request = Ocs.request(method, path);
        if (body != null) {
            request.json(body);
        }
        return Ocs.data(method, path, send(request.build()));
    }

    /** The Nextcloud capabilities of this user ({@code ocs.data.capabilities}). */
    default JsonObject capabilities() throws NextcloudException {
        return ocs("GET", "/ocs/v2.php/cloud/capabilities", null).asJsonObject().getJsonObject("capabilities");
    }
}
