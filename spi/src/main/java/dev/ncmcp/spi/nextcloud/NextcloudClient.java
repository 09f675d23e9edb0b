package dev.ncmcp.spi.nextcloud;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * HTTP access to Nextcloud, already authenticated as the caller. Paths are absolute on the
 * Nextcloud base URL ({@code /index.php/apps/notes/api/v1/notes}, {@code /remote.php/dav/…},
 * {@code /ocs/v2.php/…}); the client adds the base URL, credentials, timeouts and retries.
 *
 * <p>Failures no plugin can handle — Nextcloud unreachable, timeouts, 5xx after retries,
 * maintenance mode, rejected credentials (401) — are thrown as {@link NextcloudException}. Every
 * other status (404, 409, 412, 501 Not Implemented, …) is returned for the plugin to interpret.
 */
public interface NextcloudClient {

    /** Nextcloud's base URL as the sidecar reaches it, without a trailing slash. */
    String baseUrl();

    /** The login name the calls are made as. */
    String loginName();

    NextcloudResponse send(NextcloudRequest request) throws NextcloudException;

    /**
     * The caller's WebDAV files root, such as {@code /remote.php/dav/files/bob/}, derived from the
     * principal that Nextcloud reports ({@code current-user-principal}), not from the login name.
     * Ends with {@code /}.
     */
    String filesRoot() throws NextcloudException;

    /** Parses a 207 Multi-Status body (external entities disabled). */
    List<DavEntry> multistatus(NextcloudResponse response) throws NextcloudException;

    /**
     * Calls an OCS endpoint ({@code OCS-APIREQUEST: true}, JSON format) and returns {@code ocs.data}.
     * An OCS failure status becomes a {@link NextcloudException} carrying OCS's message.
     *
     * @param method HTTP method
     * @param path   path below the OCS root, e.g. {@code /ocs/v2.php/cloud/capabilities}
     * @param body   JSON body for POST/PUT, or {@code null}
     */
    JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException;

    /** The Nextcloud capabilities of this user ({@code ocs.data.capabilities}), cached briefly. */
    default JsonObject capabilities() throws NextcloudException {
        return ocs("GET", "/ocs/v2.php/cloud/capabilities", null).asJsonObject().getJsonObject("capabilities");
    }
}
