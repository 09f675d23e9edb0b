package dev.ncmcp.server.elicitation;

import dev.ncmcp.server.protocol.Era;
import dev.ncmcp.server.protocol.LegacySession;
import dev.ncmcp.server.protocol.Message;
import dev.ncmcp.server.protocol.RequestChannel;
import jakarta.json.JsonObject;

/**
 * What elicitation needs to know about one {@code tools/call}.
 *
 * @param request         the request (its {@code _meta} carries a 2026-07-28 client's capabilities)
 * @param era             which protocol era serves it
 * @param protocolVersion the negotiated or declared revision
 * @param session         what a legacy client declared at {@code initialize}
 * @param channel         where legacy server requests go
 * @param subject         the caller, to whom 2026-07-28 request state is bound
 * @param tool            the tool called
 * @param arguments       its arguments, to which request state is bound
 */
public record CallContext(Message.Request request, Era era, String protocolVersion, LegacySession session,
                          RequestChannel channel, String subject, String tool, JsonObject arguments) {
}
