package dev.ncmcp.server.mcp;

import java.time.Clock;
import java.time.Duration;

import jakarta.json.JsonObject;

/** Creates the {@link CallElicitation} of each tool call for its era; holds what they share. */
final class Elicitations {
    private final Sealer sealer;
    private final ServerRequests requests;
    private final Clock clock;
    private final Duration legacyTimeout;

    Elicitations(Sealer sealer, ServerRequests requests) {
        this(sealer, requests, Clock.systemUTC(), LegacyElicitation.TIMEOUT);
    }

    Elicitations(Sealer sealer, ServerRequests requests, Clock clock, Duration legacyTimeout) {
        this.sealer = sealer;
        this.requests = requests;
        this.clock = clock;
        this.legacyTimeout = legacyTimeout;
    }

    /**
     * @throws McpError -32602 when a 2026-07-28 retry carries invalid {@code requestState} or {@code inputResponses}
     */
    CallElicitation forToolCall(RequestContext context, String tool, JsonObject arguments, JsonObject params)
            throws McpError {
        return switch (context.era()) {
            case MODERN -> MrtrElicitation.open(sealer, clock, context, tool, arguments, params);
            case LEGACY -> context.session().capabilities().containsKey("elicitation")
                    ? new LegacyElicitation(context, requests, legacyTimeout) : CallElicitation.NONE;
        };
    }
}
