package dev.ncmcp.server.elicitation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Requests this replica sent to legacy clients (on a {@code tools/call}'s SSE stream) and is waiting to
 * see answered: the client POSTs the JSON-RPC response, possibly on another connection, and
 * {@link #complete} hands it to the waiting handler. In-process only: the response must reach the
 * replica that sent the request (sticky sessions for legacy form elicitation).
 */
public final class ServerRequests {
    private static final String PREFIX = "ncmcp-e-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    /** A new unguessable request id, registered until {@link #forget}. */
    String register(CompletableFuture<JsonObject> answer) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = PREFIX + HexFormat.of().formatHex(bytes);
        pending.put(id, answer);
        return id;
    }

    void forget(String id) {
        pending.remove(id);
    }

    /**
     * Completes the request a client response answers.
     *
     * @param message the whole JSON-RPC response ({@code result} or {@code error})
     * @return whether it answered a pending request
     */
    public boolean complete(JsonValue id, JsonObject message) {
        if (!(id instanceof JsonString string) || !string.getString().startsWith(PREFIX)) {
            return false;
        }
        CompletableFuture<JsonObject> answer = pending.remove(string.getString());
        return answer != null && answer.complete(message);
    }

    int size() {
        return pending.size();
    }
}
