package dev.ncmcp.server;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.NextcloudVersion;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Demo mode: with no Nextcloud configured, the sidecar starts the bundled Nextcloud simulator
 * in-process, with sample notes and files, so a newcomer can connect an MCP client at once.
 * Nothing of it is persisted.
 */
final class DemoNextcloud implements AutoCloseable {

    static final String USER = "demo";

    private final NextcloudSimulator simulator;
    private final String password;

    private DemoNextcloud(NextcloudSimulator simulator, String password) {
        this.simulator = simulator;
        this.password = password;
    }

    static DemoNextcloud start() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        NextcloudSimulator simulator = NextcloudSimulator.builder()
                .host("127.0.0.1")
                .port(0)
                .version(NextcloudVersion.NC31)
                .user(USER, password, "Demo User")
                .sampleData(true)
                .build()
                .start();
        return new DemoNextcloud(simulator, password);
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
