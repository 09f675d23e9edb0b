package dev.ncmcp.server.oauth;

import dev.ncmcp.server.store.IdpClients;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ncmcp.server.oauth.FacadeHarness.CLIENT_REDIRECT;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The sidecar's own client at the IdP, registered by RFC 7591 when none is configured. */
class IdpClientRegistrationTest {
    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abcdef";

    @Test
    void registersAtStartupRetryingAfter429AndPersistsByIssuer() throws Exception {
        try (FakeIdp idp = new FakeIdp()) {
            idp.tooManyRequests.set(2);
            MemoryStore store = new MemoryStore();
            try (FacadeHarness facade = new FacadeHarness(idp, store, false, 100)) {
                assertThat(facade.sleeps, is(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3))));
                IdpClients.Client client = store.idpClients().find(idp.issuer().toString()).orElseThrow();
                assertThat(client.clientId(), is("dcr-1"));
                assertThat(idp.registeredRedirects.get("dcr-1"), is(List.of(facade.base() + "/oauth/callback")));
                String mcpClient = facade.register(CLIENT_REDIRECT);
                Map<String, String> answer = facade.authorize(mcpClient, CLIENT_REDIRECT, VERIFIER, "s");
                assertThat(facade.redeem(mcpClient, answer.get("code"), CLIENT_REDIRECT, VERIFIER).statusCode(),
                        is(200));
            }
        }
    }

    @Test
    void aRestartWithTheSameCallbackReusesTheStoredClient() throws Exception {
        try (FakeIdp idp = new FakeIdp()) {
            MemoryStore store = new MemoryStore();
            try (FacadeHarness first = new FacadeHarness(idp, store, false, 100)) {
                assertThat(idp.registrations.get(), is(1));
                // same store, same callback (port): RFC 7592 read confirms it, no second registration
                first.facade.warmUp();
                assertThat(idp.registrations.get(), is(1));
                assertThat(idp.log.contains("GET " + FakeIdp.REALM + "/register/dcr-1"), is(true));
            }
            try (FacadeHarness second = new FacadeHarness(idp, store, false, 100)) {
                // another port means another callback: the old client is deleted and a new one registered
                assertThat(idp.registrations.get(), is(2));
                assertThat(idp.clients.containsKey("dcr-1"), is(false));
                assertThat(store.idpClients().find(idp.issuer().toString()).orElseThrow().clientId(), is("dcr-2"));
            }
        }
    }

    @Test
    void reRegistersWhenTheIdpHasForgottenTheClient() throws Exception {
        try (FakeIdp idp = new FakeIdp(); FacadeHarness facade = new FacadeHarness(idp, new MemoryStore(), false,
                100)) {
            String mcpClient = facade.register(CLIENT_REDIRECT);
            idp.expire("dcr-1");
            Map<String, String> failed = facade.authorize(mcpClient, CLIENT_REDIRECT, VERIFIER, "s");
            assertThat(failed.get("error"), is("server_error"));
            assertThat(facade.store.idpClients().find(idp.issuer().toString()).orElseThrow().clientId(),
                    is("dcr-2"));
            Map<String, String> retried = facade.authorize(mcpClient, CLIENT_REDIRECT, VERIFIER, "s");
            HttpResponse<String> tokens = facade.redeem(mcpClient, retried.get("code"), CLIENT_REDIRECT, VERIFIER);
            assertThat(tokens.statusCode(), is(200));
            assertThat(FacadeHarness.json(tokens).getString("access_token"), startsWith("idp-access-"));
        }
    }

    @Test
    void rfc7592DeleteRemovesTheClientAtTheIdpAndLocally() throws Exception {
        try (FakeIdp idp = new FakeIdp(); FacadeHarness facade = new FacadeHarness(idp, new MemoryStore(), false,
                100)) {
            String outcome = facade.facade.idpClients().deleteRegisteredClient();
            assertThat(outcome, startsWith("deleted client dcr-1"));
            assertThat(idp.clients.containsKey("dcr-1"), is(false));
            assertThat(idp.log.contains("DELETE " + FakeIdp.REALM + "/register/dcr-1"), is(true));
            assertThat(facade.store.idpClients().find(idp.issuer().toString()).isPresent(), is(false));
            assertThat(facade.facade.idpClients().deleteRegisteredClient(), not(startsWith("deleted")));
        }
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        FacadeHarness.TestClock clock = new FacadeHarness.TestClock();
        assertThat(IdpClientManager.retryAfter("7", clock), is(Duration.ofSeconds(7)));
        assertThat(IdpClientManager.retryAfter("Sat, 01 Aug 2026 10:00:30 GMT", clock), is(Duration.ofSeconds(30)));
        assertThat(IdpClientManager.retryAfter("soon", clock), is(Duration.ofSeconds(1)));
    }
}
