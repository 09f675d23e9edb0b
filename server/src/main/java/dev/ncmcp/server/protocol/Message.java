package dev.ncmcp.server.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One JSON-RPC message POSTed by a client. */
public sealed interface Message {
    /** A request: answered with a result or an error. {@code id} is a JSON string or number. */
    record Request(JsonValue id, String method, JsonObject params) implements Message {
        /** {@code params._meta}, or an empty object. */
        public JsonObject meta() {
            return params.get("_meta") instanceof JsonObject meta ? meta : JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** A notification: accepted with 202 and no body. */
    record Notification(String method, JsonObject params) implements Message {
    }

    /**
     * A JSON-RPC response a client sent us: to a request we sent a legacy client (elicitation), or to nothing.
     *
     * @param message the whole response, with its {@code result} or {@code error}
     */
    record ClientResponse(JsonValue id, JsonObject message) implements Message {
    }
}
