package dev.ncmcp.server.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a legacy (2025-06-18 / 2025-11-25) client declared at {@code initialize}, carried statelessly in
 * the {@code Mcp-Session-Id} we mint: the negotiated version and the client capabilities the server uses
 * (today only {@code elicitation}), sealed with the state key. Every replica sharing the key can read it;
 * nothing is stored. An id we cannot verify (forged, another key, another server) reads as "no
 * capabilities" — the request is still served, since a session id is never required.
 *
 * @param version      the protocol version negotiated at {@code initialize}
 * @param capabilities the subset of the client's capabilities kept ({@code elicitation}), never null
 */
public record LegacySession(String version, JsonObject capabilities) {
    private static final String PURPOSE = "mcp-session-id";
    public static final LegacySession NONE = new LegacySession(null, JsonValue.EMPTY_JSON_OBJECT);

    /** A session id for an {@code initialize} that negotiated {@code version} with {@code clientCapabilities}. */
    public static String mint(Sealer sealer, String version, JsonValue clientCapabilities) {
        var kept = Jsons.object();
        if (clientCapabilities instanceof JsonObject declared && declared.get("elicitation") instanceof JsonObject e) {
            kept.add("elicitation", e);
        }
        return sealer.seal(PURPOSE, Jsons.object().add("v", version).add("c", kept).build());
    }

    /** The session a header value carries; {@link #NONE} when absent or not verifiable. */
    public static LegacySession read(Sealer sealer, String header) {
        JsonObject content = sealer.open(PURPOSE, header);
        if (content == null || !(content.get("v") instanceof JsonString version)
                || !(content.get("c") instanceof JsonObject capabilities)) {
            return NONE;
        }
        return new LegacySession(version.getString(), capabilities);
    }
}
