package dev.ncmcp.simulator;

/**
 * Answers one request of a simulated Nextcloud app.
 */
@FunctionalInterface
public interface Handler {
    SimResponse handle(SimRequest request);
}
