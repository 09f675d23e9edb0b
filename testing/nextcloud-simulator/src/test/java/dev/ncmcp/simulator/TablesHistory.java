package dev.ncmcp.simulator;

/**
 * What the tables captures found on the server, so that the simulator's ids are the captured ones: admin's tutorial
 * table (table 1, columns 1–4, rows 1–7), bob's (table 2, columns 5–8, rows 8–14) and, on Nextcloud 31 only, a table
 * of admin's with one column (table 3, column 9) made before bob's "Inventory" (table 4 there, 3 on Nextcloud 29).
 */
final class TablesHistory {
    private static final String TABLES = "/index.php/apps/tables/api/1/tables";

    private TablesHistory() {
    }

    static void nc31(NextcloudSimulator sim) {
        nc29(sim);
        SimHistory.asAdmin(sim, "POST", TABLES, "application/json", "{\"title\":\"Admin's\"}");
        SimHistory.asAdmin(sim, "POST", TABLES + "/3/columns", "application/json",
                "{\"title\":\"Name\",\"type\":\"text\",\"subtype\":\"line\"}");
    }

    static void nc29(NextcloudSimulator sim) {
        SimHistory.asAdmin(sim, "GET", TABLES, null, null);
        SimHistory.asBob(sim, "GET", TABLES, null, null);
    }
}
