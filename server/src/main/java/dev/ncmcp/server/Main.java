package dev.ncmcp.server;

import dev.ncmcp.server.config.ConfigLoader;
import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.plugin.PluginLoadException;
import dev.ncmcp.server.security.IdpUnavailableException;

/** Starts the sidecar: configuration → plugins → Nextcloud access → routes → listen. */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Sidecar sidecar;
        try {
            SidecarConfig config = SidecarConfig.from(ConfigLoader.load(args));
            sidecar = Sidecar.create(config).start();
        } catch (ConfigProblem | PluginLoadException | IdpUnavailableException e) {
            System.err.println("ncmcp: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ncmcp: cannot start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sidecar::close, "ncmcp-shutdown"));
        StartupBanner.print(sidecar, (System.nanoTime() - started) / 1_000_000);
    }
}
