package dev.ncmcp.server.elicitation;

import java.time.Clock;
import java.time.Duration;

import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.Sealer;

/** Creates the {@link CallElicitation} of each tool call for its era; holds what they share. */
public final class Elicitations {
    private final Sealer sealer;
    private final ServerRequests requests;
    private final Clock clock;
    private final Duration legacyTimeout;

    public Elicitations(Sealer sealer, ServerRequests requests) {
        this(sealer, requests, Clock.systemUTC(), LegacyElicitation.TIMEOUT);
    }

    public Elicitations(Sealer sealer, ServerRequests requests, Clock clock, Duration legacyTimeout) {
        this.sealer = sealer;
        this.requests = requests;
        this.clock = clock;
        this.legacyTimeout = legacyTimeout;
    }

    /**
     * @throws McpError -32602 when a 2026-07-28 retry carries invalid {@code requestState} or {@code inputResponses}
     */
    public CallElicitation forToolCall(CallContext call) throws McpError {
        return switch (call.era()) {
            case MODERN -> MrtrElicitation.open(sealer, clock, call);
            case LEGACY -> call.session().capabilities().containsKey("elicitation")
                    ? new LegacyElicitation(call, requests, legacyTimeout) : CallElicitation.NONE;
        };
    }
}
