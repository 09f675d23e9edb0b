package dev.ncmcp.simulator;

/**
 * One simulated Nextcloud app (Notes, Files, OCS core, Login Flow, …): it adds its routes to the
 * core routing and may seed demo data.
 */
public interface SimulatorApp {

    void register(Routes routes);

    /** Adds the app's demo content for {@code user} (sample-data mode). */
    default void seedSampleData(String user) {
    }
}
