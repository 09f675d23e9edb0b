package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

/** Deck's answer to an exception it did not expect: a 500 that names only a request id (debug mode off). */
final class MaskedServerError {
    private MaskedServerError() {
    }

    static SimResponse response() {
        String requestId = Accounts.randomToken(20);
        return SimResponse.json(500, Json.createObjectBuilder()
                .add("status", 500)
                .add("message", "Internal server error: Please contact the server administrator if this error "
                        + "reappears multiple times, please include the request ID \"" + requestId
                        + "\" below in your report.")
                .add("requestId", requestId)
                .build());
    }
}
