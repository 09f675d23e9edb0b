package dev.ncmcp.server.transport;

import dev.ncmcp.server.protocol.JsonRpc;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.security.Challenge;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The one writer of JSON answers on the MCP endpoint: results, every JSON-RPC error, and the refusals of the
 * filters in front (403 origin, 401/403/503 challenges), all encoded by {@link JsonRpc}.
 */
final class Replies {

    private Replies() {
    }

    static void json(ServerResponse res, Status status, JsonObject body) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Jsons.bytes(body));
    }

    /** A JSON-RPC error answering the request {@code id} (null when unknown), with the error's status. */
    static void error(ServerResponse res, JsonValue id, McpError error) {
        json(res, error.status(), JsonRpc.error(id, error));
    }

    /** A refused request: the challenge's status and headers, and a JSON-RPC error with its message. */
    static void refusal(ServerResponse res, JsonValue id, Challenge challenge) {
        challengeHeaders(res, challenge);
        error(res, id, refused(challenge));
    }

    static void challengeHeaders(ServerResponse res, Challenge challenge) {
        challenge.wwwAuthenticate().ifPresent(value -> res.header(HeaderNames.WWW_AUTHENTICATE, value));
        challenge.retryAfter().ifPresent(value -> res.header(HeaderNames.RETRY_AFTER, value));
    }

    static McpError refused(Challenge challenge) {
        return McpError.refused(challenge.status(), challenge.message());
    }

    /** A request rejected before it was read: the error object without an {@code id} member. */
    static void rejection(ServerResponse res, McpError error) {
        json(res, error.status(), JsonRpc.errorWithoutId(error));
    }
}
