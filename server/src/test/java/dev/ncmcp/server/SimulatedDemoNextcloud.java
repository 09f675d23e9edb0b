package dev.ncmcp.server;

import dev.ncmcp.server.demo.DemoNextcloud;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;

/**
 * The demo Nextcloud of the test class path (registered in {@code META-INF/services}), so a sidecar created without
 * {@code nextcloud.url} starts in demo mode as the packaged one does with {@code testing/demo}.
 */
public final class SimulatedDemoNextcloud implements DemoNextcloud {

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
        };
    }
}
