package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.config.NextcloudConfig;
import dev.ncmcp.server.store.AppPasswords;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the sidecar reaches Nextcloud, assembled once from {@code nextcloud.*}: one HTTP client factory for every
 * Nextcloud-bound call, Login Flow v2, and the access of the configured auth mode.
 */
public final class Nextcloud {

    private final NextcloudConfig config;
    private final NextcloudTarget target;
    private final NextcloudClientFactory factory;
    private final LoginFlowV2 loginFlow;

    private Nextcloud(NextcloudConfig config, NextcloudTarget target, NextcloudClientFactory factory) {
        this.config = config;
        this.target = target;
        this.factory = factory;
        this.loginFlow = new LoginFlowV2(factory, config.publicUrl());
    }

    public static Nextcloud create(NextcloudConfig config, NextcloudTarget target) {
        return new Nextcloud(config, target, NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(target.baseUrl())
                .verifyTls(config.verifyTls())
                .caBundle(config.caBundle())
                .connectTimeout(config.connectTimeout())
                .requestTimeout(config.requestTimeout())
                .maxRetries(config.retries())
                .build()));
    }

    /**
     * How calls act as their caller in the configured {@code nextcloud.auth.mode}.
     *
     * @param exchanger   asked only in {@code token-exchange} mode
     * @param connections the users' stored app passwords, required in {@code login-flow} mode
     */
    public NextcloudAccess access(Supplier<TokenExchanger> exchanger, Optional<AppPasswords> connections) {
        return switch (config.mode()) {
            case APP_PASSWORD -> NextcloudAccessModes.appPassword(factory, target.user(), target.password());
            case BEARER -> NextcloudAccessModes.bearer(factory);
            case TOKEN_EXCHANGE -> NextcloudAccessModes.tokenExchange(factory, exchanger.get());
            case LOGIN_FLOW -> NextcloudAccessModes.loginFlow(factory, connections.orElseThrow(
                    () -> new IllegalStateException("login-flow mode needs the store")));
        };
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
