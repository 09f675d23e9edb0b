package dev.ncmcp.server;

import dev.ncmcp.server.config.ConfigLoader;
import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.oauth.OAuthCommands;
import dev.ncmcp.server.plugin.PluginLoadException;
import dev.ncmcp.server.security.IdpUnavailableException;
import dev.ncmcp.server.store.StoreCommands;

/**
 * Starts the sidecar: configuration → store → plugins → Nextcloud access → routes → listen. With
 * {@code store rotate-keys}, {@code store purge} or {@code oauth delete-client} it runs that maintenance
 * command instead.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(Usage.text(java.util.Arrays.copyOfRange(args, 1, args.length)));
            System.exit(0);
            return;
        }
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println("ncmcp " + Version.current());
            System.exit(0);
            return;
        }
        if (args.length > 0 && args[0].equals("store")) {
            // maintenance commands: store rotate-keys | store purge
            System.exit(StoreCommands.run(args, ConfigLoader.load(args)));
            return;
        }
        if (args.length > 0 && args[0].equals("oauth")) {
            // oauth delete-client: RFC 7592 deletion of the sidecar's own client at the identity provider
            System.exit(OAuthCommands.run(args, ConfigLoader.load(args)));
            return;
        }
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
