package dev.ncmcp.server.oauth;

import com.sun.net.httpserver.HttpServer;
import dev.ncmcp.server.config.StoreConfig;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.JdbcStore;
import dev.ncmcp.server.store.Store;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

class OAuthCommandsTest {

    private static final String ISSUER = "https://idp.example/realms/mcp";

    @TempDir
    Path data;

    @Test
    void deleteClientDeletesTheRegistrationAtTheIdentityProviderAndInTheStore() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/register/client-1", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        idp.start();
        try {
            try (Store store = JdbcStore.open(StoreConfig.sqlite(data))) {
                store.idpClients().save(new IdpClients.Client(ISSUER, "client-1", "secret",
                        "registration-token", "http://127.0.0.1:" + idp.getAddress().getPort() + "/register/client-1",
                        Instant.now()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exit = OAuthCommands.run(new String[] {"oauth", "delete-client"}, config(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit, is(0));
            assertThat(out.toString(StandardCharsets.UTF_8), containsString("deleted client client-1"));
            assertThat(seen, is(List.of("DELETE Bearer registration-token")));
            try (Store store = JdbcStore.open(StoreConfig.sqlite(data))) {
                assertThat(store.idpClients().find(ISSUER), is(Optional.empty()));
            }
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = OAuthCommands.run(new String[] {"oauth", "frobnicate"}, config(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit, is(2));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("usage"));
    }

    private Config config() {
        return Config.just(ConfigSources.create(Map.of("security.mode", "oauth", "security.issuers", ISSUER,
                "store.data", data.toString())));
    }
}
