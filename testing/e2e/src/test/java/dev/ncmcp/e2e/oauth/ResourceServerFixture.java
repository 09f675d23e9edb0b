package dev.ncmcp.e2e.oauth;

import dev.ncmcp.e2e.SidecarProcess;
import dev.ncmcp.testkit.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The setup of a test class against one sidecar validating tokens of the shared {@link Keycloak}
 * ({@link OAuthEnvironment#sidecar}): the sidecar is started before the class's tests and stopped after them;
 * one test instance serves them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResourceServerFixture {

    private final String validation;
    private final int skewSeconds;
    private final int cacheSeconds;

    Keycloak keycloak;
    SidecarProcess sidecar;
    McpHttp mcp;

    /** @see OAuthEnvironment#sidecar(String, int, int) */
    ResourceServerFixture(String validation, int skewSeconds, int cacheSeconds) {
        this.validation = validation;
        this.skewSeconds = skewSeconds;
        this.cacheSeconds = cacheSeconds;
    }

    @BeforeAll
    void start() {
        keycloak = OAuthEnvironment.keycloak();
        sidecar = OAuthEnvironment.sidecar(validation, skewSeconds, cacheSeconds);
        mcp = new McpHttp(sidecar.url());
    }

    @AfterAll
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
    }
}
