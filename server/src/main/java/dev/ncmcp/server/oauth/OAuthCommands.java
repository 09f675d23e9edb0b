package dev.ncmcp.server.oauth;

import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.store.JdbcStore;
import dev.ncmcp.server.store.Store;
import io.helidon.config.Config;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Operator commands for the facade: {@code oauth delete-client} deletes the client the sidecar
 * registered for itself at the identity provider (RFC 7592) and forgets it in the store; the next start
 * registers a new one.
 */
public final class OAuthCommands {

    private OAuthCommands() {
    }

    /** @return the process exit code: 0 done, 1 failed, 2 usage */
    public static int run(String[] args, Config root) {
        return run(args, root, System.out, System.err);
    }

    static int run(String[] args, Config root, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("oauth") || !args[1].equals("delete-client")) {
            err.println("usage: java -jar ncmcp-server.jar oauth delete-client [--config FILE]");
            return 2;
        }
        try {
            SidecarConfig config = SidecarConfig.from(root);
            if (config.security().issuers().isEmpty()) {
                err.println("ncmcp: no identity provider configured (security.issuers)");
                return 2;
            }
            URI issuer = config.security().issuers().getFirst();
            try (Store store = JdbcStore.open(config.store())) {
                IdpClientManager clients = new IdpClientManager(config.facade().clientId(),
                        config.facade().clientSecret(), issuer, store.idpClients(),
                        () -> {
                            throw new IOException("the identity provider's endpoints are not needed to delete");
                        },
                        () -> URI.create("http://unused/oauth/callback"), List.of(), null,
                        new IdpHttp(AuthorizationFacade.IDP_TIMEOUT), Clock.systemUTC(), duration -> { });
                out.println(clients.deleteRegisteredClient());
                return 0;
            }
        } catch (ConfigProblem e) {
            err.println("ncmcp: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("ncmcp: oauth delete-client failed: " + e.getMessage());
            return 1;
        }
    }
}
