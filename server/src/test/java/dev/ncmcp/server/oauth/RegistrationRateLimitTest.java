package dev.ncmcp.server.oauth;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** {@code /oauth/register} allows {@code register.rate} registrations per minute per address, then 429. */
class RegistrationRateLimitTest {

    @Test
    void fourthRegistrationWithinAMinuteIsTooManyRequests() throws Exception {
        try (FakeIdp idp = new FakeIdp(); FacadeHarness facade = new FacadeHarness(idp, new MemoryStore(), true, 3)) {
            for (int i = 0; i < 3; i++) {
                facade.register(FacadeHarness.CLIENT_REDIRECT);
            }
            HttpResponse<String> limited = facade.post("/oauth/register", "application/json",
                    "{\"redirect_uris\":[\"" + FacadeHarness.CLIENT_REDIRECT + "\"]}", null);
            assertThat(limited.statusCode(), is(429));
            assertThat(limited.headers().firstValue("Retry-After").orElse(""), is("20"));
            facade.clock.advance(Duration.ofSeconds(20));
            facade.register(FacadeHarness.CLIENT_REDIRECT);
        }
    }
}
