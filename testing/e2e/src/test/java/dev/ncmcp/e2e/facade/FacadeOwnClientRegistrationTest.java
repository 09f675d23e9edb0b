package dev.ncmcp.e2e.facade;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.e2e.oauth.OAuthEnvironment;
import dev.ncmcp.testkit.Keycloak;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade without a configured IdP client: at startup the sidecar registers its own client at Keycloak by RFC 7591
 * (anonymous DCR; the realm's trusted-hosts policy admits 127.0.0.1), and a full code flow goes through that client.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FacadeOwnClientRegistrationTest {

    @Test
    void aCodeFlowThroughTheSidecarsOwnRegisteredClient() {
        Keycloak keycloak = OAuthEnvironment.keycloak();
        try (SidecarProcess sidecar = FacadeSidecars.start(keycloak, false)) {
            String context = "\n--- sidecar output (end) ---\n" + FacadeSidecars.tail(sidecar.output(), 60);
            assertTrue(sidecar.output().contains("(registered client)"),
                    "the sidecar did not report a registered IdP client" + context);

            FacadeFlow flow = new FacadeFlow(sidecar.url());
            String redirect = FacadeFlow.loopbackRedirect();
            String clientId = flow.register("ncmcp facade own-client e2e", redirect);
            FacadeFlow.Authorization a = flow.authorize(clientId, redirect);
            assertTrue(a.sawLogin(), "the Keycloak login form was not shown");
            assertEquals(flow.base(), a.iss(), "iss in the authorization response");

            FacadeFlow.Reply reply = flow.redeem(a);
            assertEquals(200, reply.status(), "token request: " + reply + context);
            JsonObject tokens = reply.json();
            String access = tokens.getString("access_token");
            JsonObject claims = Keycloak.jwtClaims(access);
            assertEquals(keycloak.issuer(), claims.getString("iss"), "issuer");
            String azp = claims.getString("azp", "");
            assertNotEquals(Keycloak.SIDECAR_CLIENT, azp,
                    "the token was issued to the static client, not to a registered one");
            assertNotEquals(Keycloak.CLI_CLIENT, azp, "the token was issued to the CLI client");
            System.out.println("[facade] access token azp (the sidecar's registered client): " + azp);

            List<String> tools = FacadeFlow.toolNames(flow.toolsList(access));
            assertTrue(tools.contains("nc_notes_list_notes"), "tools/list: " + tools);

            String refresh = tokens.getString("refresh_token", null);
            assertNotNull(refresh, "no refresh token: " + tokens);
            FacadeFlow.Reply refreshed = flow.refresh(refresh, clientId);
            assertEquals(200, refreshed.status(), "refresh through the registered client: " + refreshed);
            assertTrue(FacadeFlow.toolNames(flow.toolsList(refreshed.json().getString("access_token")))
                    .contains("nc_notes_list_notes"), "tools/list with the refreshed token");
        }
    }
}
