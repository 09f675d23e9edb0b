package dev.ncmcp.simulator;

/** What the sharing captures found in bob's files: share-demo.txt ("hello share") and the Project folder (10 bytes). */
final class SharingHistory {
    private static final String FILES = "/remote.php/dav/files/bob/";

    private SharingHistory() {
    }

    static void recreate(NextcloudSimulator sim) {
        SimHistory.asBob(sim, "PUT", FILES + "share-demo.txt", "text/plain", "hello share\n");
        SimHistory.asBob(sim, "MKCOL", FILES + "Project", null, null);
        SimHistory.asBob(sim, "PUT", FILES + "Project/plan.txt", "text/plain", "plan: ship");
    }
}
