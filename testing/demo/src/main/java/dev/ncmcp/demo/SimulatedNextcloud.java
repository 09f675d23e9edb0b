package dev.ncmcp.demo;

import dev.ncmcp.server.demo.DemoNextcloud;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;

/** The demo's Nextcloud: the simulator on a free loopback port, with sample notes, files, calendars, tasks and contacts. */
public final class SimulatedNextcloud implements DemoNextcloud {

    @Override
    public Running start(String user, String password, String displayName) {
        NextcloudSimulator simulator = NextcloudSimulator.builder()
                .host("127.0.0.1")
                .port(0)
                .version(NextcloudVersion.NC31)
                .user(user, password, displayName)
                .sampleData(true)
                .build()
                .start();
        return new Running() {
            @Override
            public String baseUrl() {
                return simulator.baseUrl();
            }

            @Override
            public void close() {
                simulator.stop();
            }

            @Override
            public String toString() {
                return "demo Nextcloud at " + simulator.baseUrl();
            }
        };
    }
}
