package dev.ncmcp.server.protocol;

import jakarta.json.JsonObject;

/**
 * Where the server's messages about one request go before its response: notifications (progress,
 * acknowledgements) and, for legacy clients, requests such as {@code elicitation/create}. The transport
 * implements it; a failed send means the client went away, which the transport defines as cancellation.
 */
public interface RequestChannel {

    /**
     * Sends a message related to the request.
     *
     * @return false when the client cannot receive it (it accepts no stream, or it is gone)
     */
    boolean notify(JsonObject message);

    /** Whether the client went away. */
    boolean cancelled();

    /** Whether the client accepts a stream, so server messages can precede the response. */
    boolean streamAllowed();
}
