package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The OCS envelope ({@code /ocs/v1.php} and {@code /ocs/v2.php}): every request needs {@code OCS-APIREQUEST: true}
 * (without it Nextcloud answers 412 "CSRF check failed") and asks for JSON; every answer wraps its data in
 * {@code ocs.meta} + {@code ocs.data}. v2 mirrors the status code in HTTP; v1 answers HTTP 200 even for failures
 * and says "ok" with status code 100.
 */
public final class Ocs {

    private Ocs() {
    }

    /** A request with the OCS headers and {@code format=json}. */
    public static NextcloudRequest.Builder request(String method, String path) {
        return NextcloudRequest.builder(method, path)
                .query("format", "json")
                .header("OCS-APIREQUEST", "true")
                .header("Accept", "application/json");
    }

    /** {@code ocs.data} of a successful answer; a failure becomes a {@link NextcloudException} with OCS's message. */
    public static JsonValue data(String method, String path, NextcloudResponse response) throws NextcloudException {
        JsonValue json = response.json();
        if (!(json instanceof JsonObject root) || !(root.get("ocs") instanceof JsonObject ocs)
                || !(ocs.get("meta") instanceof JsonObject meta)) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud answered " + method + " " + path
                    + " (HTTP " + response.status() + ") without an OCS envelope");
        }
        if ("ok".equals(meta.getString("status", ""))) {
            return ocs.getOrDefault("data", JsonValue.NULL);
        }
        int code = meta.get("statuscode") instanceof jakarta.json.JsonNumber number ? number.intValue()
                : response.status();
        String message = meta.getString("message", "");
        throw new NextcloudException(kind(code), "Nextcloud refused " + method + " " + path + " (OCS status "
                + code + (message.isBlank() ? "" : ": " + message.strip()) + ")");
    }

    /** The kind of an OCS failure status (the same numbers as HTTP, plus OCS's own 997 and 998). */
    public static Kind kind(int code) {
        return switch (code) {
            case 400 -> Kind.INVALID_ARGUMENT;
            case 403 -> Kind.PERMISSION_DENIED;
            case 404, 998 -> Kind.NOT_FOUND;
            case 997, 401 -> Kind.AUTHENTICATION;
            case 409, 412 -> Kind.CONFLICT;
            case 423 -> Kind.LOCKED;
            case 507 -> Kind.QUOTA_EXCEEDED;
            case 503 -> Kind.UNAVAILABLE;
            default -> Kind.UPSTREAM_ERROR;
        };
    }
}
