package dev.ncmcp.simulator;

/**
 * "The next N requests answer with this status" — for client retry tests. Thread-safe.
 */
final class FailureInjector {
    private int remaining;
    private int status;
    private Integer retryAfterSeconds;

    synchronized void arm(int count, int status, Integer retryAfterSeconds) {
        if (count < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status a valid HTTP status");
        }
        this.remaining = count;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The injected failure for this request, or {@code null} once the budget is used up. */
    synchronized SimResponse next() {
        if (remaining <= 0) {
            return null;
        }
        remaining--;
        SimResponse response = SimResponse.json(status, jakarta.json.Json.createObjectBuilder()
                .add("message", "Simulated failure").build());
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds.toString());
        }
        return response;
    }
}
