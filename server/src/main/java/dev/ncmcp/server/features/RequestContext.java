package dev.ncmcp.server.features;

import dev.ncmcp.server.elicitation.CallContext;
import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.protocol.Era;
import dev.ncmcp.server.protocol.LegacySession;
import dev.ncmcp.server.protocol.Message;
import dev.ncmcp.server.protocol.RequestChannel;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ProgressReporter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Everything a method handler may use for one request, built by the transport after the Origin/Host,
 * authentication, size, {@code Accept} and header checks.
 *
 * @param request         the JSON-RPC request
 * @param era             the protocol era serving it
 * @param protocolVersion the revision it is served with
 * @param requestId       short id that ties a log line to the error a client saw
 * @param channel         where notifications about the request go
 * @param authenticated   who calls, resolved at the edge
 * @param session         for legacy requests, what the session id carries (verified); {@link LegacySession#NONE}
 *                        otherwise
 */
public record RequestContext(Message.Request request, Era era, String protocolVersion, String requestId,
                             RequestChannel channel, AuthenticatedCaller authenticated, LegacySession session) {

    /** Who calls, with the scopes granted. */
    Caller caller() {
        return authenticated.caller();
    }

    /** The request as elicitation sees it, for a call of {@code tool} with {@code arguments}. */
    CallContext forElicitation(String tool, JsonObject arguments) {
        return new CallContext(request, era, protocolVersion, session, channel, caller().subject(), tool, arguments);
    }

    /** {@code params._meta.progressToken} when it is a string or an integer, otherwise null. */
    JsonValue progressToken() {
        JsonValue token = request.meta().get("progressToken");
        return token instanceof JsonString || token instanceof JsonNumber n && n.isIntegral() ? token : null;
    }

    /** Reports progress as {@code notifications/progress}, or does nothing when the client asked for none. */
    ProgressReporter progress() {
        JsonValue token = progressToken();
        if (token == null) {
            return ProgressReporter.NONE;
        }
        return new ProgressNotifier(token, channel);
    }
}
