package dev.ncmcp.server.oauth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** Exact match, except loopback redirect URIs whose port may differ (RFC 8252 §7.3). */
class RedirectUrisTest {

    @Test
    void loopbackPortsMayDifferButNothingElse() {
        List<String> registered = List.of("http://127.0.0.1:1234/cb", "http://[::1]/cb", "http://localhost:80/cb",
                "https://app.example/cb");
        assertThat(RedirectUris.matches("http://127.0.0.1:5555/cb", registered), is(true));
        assertThat(RedirectUris.matches("http://[::1]:5555/cb", registered), is(true));
        assertThat(RedirectUris.matches("http://localhost:5555/cb", registered), is(true));
        assertThat(RedirectUris.matches("http://127.0.0.1:5555/other", registered), is(false));
        assertThat(RedirectUris.matches("http://127.0.0.1:5555/cb?x=1", registered), is(false));
        assertThat(RedirectUris.matches("https://app.example/cb", registered), is(true));
        assertThat(RedirectUris.matches("https://app.example:8443/cb", registered), is(false));
        assertThat(RedirectUris.matches("https://app.example/cb/", registered), is(false));
        assertThat(RedirectUris.matches("http://127.0.0.2:1234/cb", registered), is(false));
    }

    @Test
    void registrationAcceptsHttpsLoopbackAndPrivateUseSchemesOnly() {
        assertThat(RedirectUris.problem("https://app.example/cb"), is((String) null));
        assertThat(RedirectUris.problem("http://127.0.0.1/cb"), is((String) null));
        assertThat(RedirectUris.problem("com.example.app:/cb"), is((String) null));
        assertThat(RedirectUris.problem("http://app.example/cb"), notNullValue());
        assertThat(RedirectUris.problem("javascript:alert(1)"), notNullValue());
        assertThat(RedirectUris.problem("https://app.example/cb#frag"), notNullValue());
        assertThat(RedirectUris.problem("/relative"), notNullValue());
    }
}
