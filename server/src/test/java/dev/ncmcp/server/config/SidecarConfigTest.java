package dev.ncmcp.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SidecarConfigTest {

    private static SidecarConfig read(Map<String, String> values) {
        return SidecarConfig.from(Config.just(ConfigSources.create(values)));
    }

    @Test
    void noNextcloudUrlMeansDemoModeOnLoopback() {
        SidecarConfig config = read(Map.of());

        assertThat(config.nextcloud().demo(), is(true));
        assertThat(config.host(), is("127.0.0.1"));
        assertThat(config.port(), is(8080));
        assertThat(config.scopeSeparator(), is(':'));
        assertThat(config.mcpUrl(9000), is(URI.create("http://127.0.0.1:9000/mcp")));
    }

    @Test
    void threeSettingsPointAtARealNextcloud() {
        SidecarConfig config = read(Map.of("nextcloud.url", "https://cloud.example.com/",
                "nextcloud.user", "bob", "nextcloud.password", "s3cret-value", "security.mode", "none"));

        assertThat(config.nextcloud().demo(), is(false));
        assertThat(config.nextcloud().url().orElseThrow().getHost(), is("cloud.example.com"));
        assertThat(config.nextcloud().toString(), not(containsString("s3cret-value")));
    }

    @Test
    void unknownAuthModeNamesKeyAndVariable() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> read(Map.of("nextcloud.auth.mode", "magic")));

        assertThat(e.getMessage(), containsString("nextcloud.auth.mode (NEXTCLOUD_AUTH_MODE)"));
        assertThat(e.getMessage(), containsString("unknown mode 'magic'"));
    }

    @Test
    void missingPasswordIsReported() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> read(Map.of(
                "nextcloud.url", "https://cloud.example.com", "nextcloud.user", "bob")));

        assertThat(e.getMessage(), containsString("NEXTCLOUD_PASSWORD"));
    }

    @Test
    void malformedUrlAndPortAreReported() {
        assertThat(assertThrows(ConfigProblem.class, () -> read(Map.of("nextcloud.url", "cloud.example.com")))
                .getMessage(), containsString("NEXTCLOUD_URL"));
        assertThat(assertThrows(ConfigProblem.class, () -> read(Map.of("server.port", "eighty")))
                .getMessage(), containsString("SERVER_PORT"));
        assertThat(assertThrows(ConfigProblem.class, () -> read(Map.of("security.scopes.separator", "/")))
                .getMessage(), containsString("SECURITY_SCOPES_SEPARATOR"));
    }

    @Test
    void listsAcceptCommaSeparatedEnvironmentValues() {
        SidecarConfig config = read(Map.of("mcp.hosts", "localhost, mcp.example.com"));

        assertThat(config.allowedHosts(), is(List.of("localhost", "mcp.example.com")));
    }

    @Test
    void demoModeRunsWithoutAuthenticationOnLoopback() {
        assertThat(read(Map.of()).security().mode(), is(SecurityConfig.Mode.NONE));
    }

    @Test
    void aRealNextcloudNeedsOAuthUnlessExplicitlyTurnedOff() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> read(Map.of("nextcloud.url", "https://c.example",
                "nextcloud.user", "bob", "nextcloud.password", "pw")));

        assertThat(e.getMessage(), containsString("security.issuers (SECURITY_ISSUERS)"));
    }

    @Test
    void unauthenticatedModeIsRefusedOnANonLoopbackBind() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> read(Map.of("server.host", "0.0.0.0",
                "security.mode", "none")));

        assertThat(e.getMessage(), containsString("only allowed when the sidecar listens on a loopback address"));
    }

    @Test
    void loopbackAddressesAreRecognised() {
        assertThat(SecurityConfig.isLoopback("127.0.0.1"), is(true));
        assertThat(SecurityConfig.isLoopback("127.1.2.3"), is(true));
        assertThat(SecurityConfig.isLoopback("[::1]"), is(true));
        assertThat(SecurityConfig.isLoopback("localhost"), is(true));
        assertThat(SecurityConfig.isLoopback("0.0.0.0"), is(false));
        assertThat(SecurityConfig.isLoopback("10.0.0.1"), is(false));
        assertThat(SecurityConfig.isLoopback("mcp.example.com"), is(false));
    }

    @Test
    void tokenModesNeedOAuthAndTokenExchangeNeedsClientCredentials() {
        Map<String, String> base = Map.of("nextcloud.url", "https://c.example", "security.mode", "none",
                "nextcloud.auth.mode", "bearer");
        assertThat(assertThrows(ConfigProblem.class, () -> read(base)).getMessage(), containsString("needs security.mode oauth"));

        ConfigProblem e = assertThrows(ConfigProblem.class, () -> read(Map.of("nextcloud.url", "https://c.example",
                "security.issuers", "https://idp.example/realms/mcp", "nextcloud.auth.mode", "token-exchange")));
        assertThat(e.getMessage(), containsString("security.client.id"));
    }

    @Test
    void oauthSettingsAreRead() {
        SidecarConfig config = read(Map.of("nextcloud.url", "https://c.example", "nextcloud.auth.mode", "bearer",
                "security.issuers", "https://idp.example/realms/mcp/", "security.audiences", "mcp-sidecar",
                "security.tokens.validation", "introspection", "security.tokens.skew", "5"));

        assertThat(config.security().mode(), is(SecurityConfig.Mode.OAUTH));
        assertThat(config.security().issuers(), is(List.of(URI.create("https://idp.example/realms/mcp"))));
        assertThat(config.security().audiences(), is(List.of("mcp-sidecar")));
        assertThat(config.security().validation(), is("introspection"));
        assertThat(config.security().clockSkew().toSeconds(), is(5L));
    }

    @Test
    void anEnvironmentValueOverridesAListFromTheBundledFile() {
        Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("security.issuers", "https://idp.example/realms/mcp",
                        "security.audiences", "mcp-sidecar,other", "nextcloud.url", "https://c.example",
                        "nextcloud.auth.mode", "bearer")))
                .addSource(ConfigSources.classpath("sidecar.yaml"))
                .build();

        SidecarConfig sidecar = SidecarConfig.from(config);

        assertThat(sidecar.security().issuers(), is(List.of(URI.create("https://idp.example/realms/mcp"))));
        assertThat(sidecar.security().audiences(), is(List.of("mcp-sidecar", "other")));
    }

    @Test
    void environmentVariableNamesFollowHelidonsMapping() {
        assertThat(ConfigProblem.variable("nextcloud.tls.verify"), is("NEXTCLOUD_TLS_VERIFY"));
        assertThat(ConfigProblem.variable("a.b-c"), is("A_B_dash_C"));
    }
}
