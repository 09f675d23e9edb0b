package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.config.NextcloudConfig;
import dev.ncmcp.server.store.AppPasswords;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the sidecar reaches Nextcloud, assembled once from {@code nextcloud.*}: one HTTP client factory, the access
 * of the configured auth mode, and Login Flow v2.
 */
public final class Nextcloud {

    private final NextcloudTarget target;
    private final NextcloudAccess access;
    private final LoginFlowV2 loginFlow;

    private Nextcloud(NextcloudTarget target, NextcloudAccess access, LoginFlowV2 loginFlow) {
        this.target = target;
        this.access = access;
        this.loginFlow = loginFlow;
    }

    /**
     * @param exchanger   asked only in {@code token-exchange} mode
     * @param connections the users' stored app passwords, required in {@code login-flow} mode
     */
    public static Nextcloud create(NextcloudConfig config, NextcloudTarget target,
                                   Supplier<TokenExchanger> exchanger, Optional<AppPasswords> connections) {
        NextcloudClientFactory factory = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(target.baseUrl())
                .verifyTls(config.verifyTls())
                .caBundle(config.caBundle())
                .connectTimeout(config.connectTimeout())
                .requestTimeout(config.requestTimeout())
                .maxRetries(config.retries())
                .build());
        NextcloudAccess access = switch (config.mode()) {
            case APP_PASSWORD -> NextcloudAccessModes.appPassword(factory, target.user(), target.password());
            case BEARER -> NextcloudAccessModes.bearer(factory);
            case TOKEN_EXCHANGE -> NextcloudAccessModes.tokenExchange(factory, exchanger.get());
            case LOGIN_FLOW -> NextcloudAccessModes.loginFlow(factory, connections.orElseThrow(
                    () -> new IllegalStateException("login-flow mode needs the store")));
        };
        return new Nextcloud(target, access, new LoginFlowV2(factory, config.publicUrl()));
    }

    public NextcloudAccess access() {
        return access;
    }

    /** Login Flow v2 against this Nextcloud, for the connection tools. */
    public LoginFlowV2 loginFlow() {
        return loginFlow;
    }

    public String baseUrl() {
        return target.baseUrl();
    }

    /** The {@code app-password} login. */
    public String user() {
        return target.user();
    }
}
