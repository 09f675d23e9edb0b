package dev.ncmcp.server;

import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.NextcloudConfig;
import dev.ncmcp.server.config.SecurityConfig;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.security.CallerResolver;
import dev.ncmcp.server.mcp.McpService;
import dev.ncmcp.server.mcp.McpSettings;
import dev.ncmcp.server.nextcloud.ConnectionTools;
import dev.ncmcp.server.nextcloud.LoginFlowV2;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.mcp.OriginCheck;
import dev.ncmcp.server.mcp.schema.JsonSchemaValidator;
import dev.ncmcp.server.nextcloud.ConnectionTools;
import dev.ncmcp.server.nextcloud.LoginFlowV2;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.nextcloud.NextcloudAccessModes;
import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.server.nextcloud.TokenExchanger;
import dev.ncmcp.server.oauth.AuthorizationFacade;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.security.BearerAuthFeature;
import dev.ncmcp.server.security.CallerResolver;
import dev.ncmcp.server.security.Challenges;
import dev.ncmcp.server.security.GrantScopedCallers;
import dev.ncmcp.server.security.IdpMetadata;
import dev.ncmcp.server.security.InsufficientScopeException;
import dev.ncmcp.server.security.OAuthSettings;
import dev.ncmcp.server.security.ProtectedResourceMetadata;
import dev.ncmcp.server.security.ScopeFormat;
import dev.ncmcp.server.security.SingleUserCallers;
import dev.ncmcp.server.security.TokenCallers;
import dev.ncmcp.server.security.TokenValidator;
import dev.ncmcp.server.security.ValidatedToken;
import dev.ncmcp.server.store.JdbcStore;
import dev.ncmcp.server.store.Store;
import dev.ncmcp.server.store.StorePurger;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The assembled sidecar: configuration, plugins, Nextcloud access and the HTTP routes, wired with
 * plain constructors. {@link #routing(HttpRouting.Builder, Sidecar)} is the one place routes are
 * declared; tests reuse it unchanged.
 */
public final class Sidecar implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sidecar.class.getName());
    static final String NAME = "ncmcp";
    static final String DOCUMENTATION = "https://github.com/ncmcp/ncmcp#readme";

    private final SidecarConfig config;
    private final DemoNextcloud demo;
    private final PluginRegistry registry;
    private final ScopeFormat scopeFormat;
    private final TokenValidator tokens;
    private final NextcloudAccess nextcloudAccess;
    private final CallerResolver callers;
    private final McpSettings mcpSettings;
    private final String nextcloudBaseUrl;
    private final String nextcloudUser;
    private final AuthorizationFacade facade;
    private final Store store;
    private final StorePurger purger;
    private volatile WebServer server;

    private Sidecar(SidecarConfig config, DemoNextcloud demo, PluginRegistry registry, Store store,
                    NextcloudClientFactory factory) {
        this.config = config;
        this.demo = demo;
        this.registry = registry;
        this.store = store;
        this.purger = store == null ? null : new StorePurger(store, config.store().purge());
        this.scopeFormat = new ScopeFormat(config.scopeSeparator());
        NextcloudConfig nextcloud = config.nextcloud();
        this.nextcloudBaseUrl = factory.baseUrl();
        this.nextcloudUser = demo != null ? DemoNextcloud.USER : nextcloud.user();
        if (config.security().mode() == SecurityConfig.Mode.OAUTH) {
            this.tokens = TokenValidator.create(oauthSettings(config.security()), this::mcpUrl);
            this.tokens.warmUp();
            this.callers = nextcloud.mode() == NextcloudConfig.AuthMode.LOGIN_FLOW
                    ? new GrantScopedCallers(new TokenCallers(), store.appPasswords())
                    : new TokenCallers();
        } else {
            this.tokens = null;
            this.callers = new SingleUserCallers(nextcloudUser, registry.scopes());
        }
        this.nextcloudAccess = nextcloudAccess(config, factory);
        this.facade = config.facade().enabled() ? AuthorizationFacade.create(config.facade(),
                config.security().issuers().get(0), this::mcpUrl, registry.scopes().stream()
                        .filter(scope -> !scope.isOpenId()).map(scopeFormat::render).toList(), store)
                : null;
        this.mcpSettings = buildMcpSettings();
    }

    private static NextcloudClientFactory clientFactory(NextcloudConfig nextcloud, String baseUrl) {
        return NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(baseUrl)
                .verifyTls(nextcloud.verifyTls())
                .caBundle(nextcloud.caBundle())
                .connectTimeout(nextcloud.connectTimeout())
                .requestTimeout(nextcloud.requestTimeout())
                .maxRetries(nextcloud.retries())
                .build());
    }

    private NextcloudAccess nextcloudAccess(SidecarConfig config, NextcloudClientFactory factory) {
        NextcloudConfig nextcloud = config.nextcloud();
        Function<ServerRequest, Optional<String>> callerToken = request -> request.context()
                .get(ValidatedToken.class, ValidatedToken.class).map(ValidatedToken::token);
        return switch (nextcloud.mode()) {
            case APP_PASSWORD -> {
                if (tokens != null) {
                    LOG.log(System.Logger.Level.WARNING, "OAuth is on but nextcloud.auth.mode is app-password: every "
                            + "authenticated user acts as Nextcloud user ''{0}''", nextcloudUser);
                }
                yield NextcloudAccessModes.appPassword(factory, nextcloudUser,
                        demo != null ? demo.password() : nextcloud.password());
            }
            case BEARER -> NextcloudAccessModes.bearer(factory, callerToken);
            case TOKEN_EXCHANGE -> {
                IdpMetadata idp = tokens.metadata();
                if (!idp.grantTypesSupported().contains(TokenExchanger.GRANT_TYPE)) {
                    LOG.log(System.Logger.Level.WARNING, "The identity provider {0} does not advertise the token "
                            + "exchange grant ({1}) in its metadata; token exchange will fail unless it is enabled "
                            + "for client {2}", idp.issuer(), TokenExchanger.GRANT_TYPE,
                            config.security().clientId());
                }
                TokenExchanger exchanger = new TokenExchanger(idp.tokenEndpoint(), config.security().clientId(),
                        config.security().clientSecret(), nextcloud.exchangeAudience(), nextcloud.exchangeScopes(),
                        config.scopeSeparator(), Clock.systemUTC());
                yield NextcloudAccessModes.tokenExchange(factory, exchanger, callerToken);
            }
            case LOGIN_FLOW -> NextcloudAccessModes.loginFlow(factory, store.appPasswords());
        };
    }

    private static OAuthSettings oauthSettings(SecurityConfig security) {
        Set<Scope> userinfoScopes = new TreeSet<>();
        for (String text : security.userinfoScopes()) {
            userinfoScopes.add(Scope.parse(text).orElseThrow(() -> new ConfigProblem(
                    "security.userinfo.scopes (SECURITY_USERINFO_SCOPES): not an application scope: " + text)));
        }
        return new OAuthSettings(security.issuers(), security.audiences(), security.clientId(),
                security.clientSecret(), OAuthSettings.TokenValidation.valueOf(
                        security.validation().toUpperCase(java.util.Locale.ROOT)),
                security.clockSkew(), security.cacheTtl(), security.userinfo(), userinfoScopes, security.userClaim());
    }

    /**
     * Loads plugins and prepares everything: the demo Nextcloud when none is configured, the store when
     * a feature keeps state (login-flow mode, the OAuth facade).
     */
    public static Sidecar create(SidecarConfig config) {
        DemoNextcloud demo = config.nextcloud().demo() ? DemoNextcloud.start() : null;
        Store store = null;
        try {
            NextcloudConfig nextcloud = config.nextcloud();
            NextcloudClientFactory factory = clientFactory(nextcloud,
                    demo != null ? demo.baseUrl() : nextcloud.url().orElseThrow().toString());
            boolean loginFlow = nextcloud.mode() == NextcloudConfig.AuthMode.LOGIN_FLOW;
            if (loginFlow || config.facade().enabled()) {
                store = JdbcStore.open(config.store());
            }
            AtomicReference<PluginRegistry> loaded = new AtomicReference<>();
            List<NextcloudPlugin> builtIn = loginFlow
                    ? List.of(new ConnectionTools(new LoginFlowV2(factory, nextcloud.publicUrl()),
                            store.appPasswords(), store.loginFlows(), () -> loaded.get().scopes(),
                            config.scopeSeparator(), Clock.systemUTC()))
                    : List.of();
            PluginRegistry registry = PluginRegistry.load(config.pluginDirectory(), JsonSchemaValidator::verify,
                    builtIn, config.pluginSettings());
            loaded.set(registry);
            return new Sidecar(config, demo, registry, store, factory);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    /** Starts listening; fails with a readable message when the address cannot be bound. */
    public Sidecar start() {
        WebServer started = WebServer.builder()
                .config(config.server())
                .host(config.host())
                .port(config.port())
                .routing(routing -> routing(routing, this))
                .build()
                .start();
        if (!started.isRunning() || started.port() < 0) {
            started.stop();
            throw new ConfigProblem("cannot listen on " + config.host() + ":" + config.port()
                    + " (server.host / server.port, SERVER_HOST / SERVER_PORT): the port is in use or the address "
                    + "is not available");
        }
        this.server = started;
        if (purger != null) {
            purger.start();
        }
        if (facade != null) {
            try {
                facade.warmUp();
            } catch (RuntimeException e) {
                started.stop();
                throw e;
            }
        }
        return this;
    }

    /** The routes of the sidecar, in one place. */
    static void routing(HttpRouting.Builder routing, Sidecar sidecar) {
        Challenges challenges = new Challenges(sidecar::metadataUrl, sidecar.scopeFormat);
        routing.addFeature(new OriginCheck(sidecar.mcpSettings));
        if (sidecar.tokens != null) {
            routing.addFeature(new BearerAuthFeature(sidecar.tokens, challenges, sidecar.challengeScopes()));
        }
        if (sidecar.facade != null) {
            routing.register("/.well-known", sidecar.facade.metadataService())
                    .register("/oauth", sidecar.facade);
        }
        routing.register("/.well-known", new ProtectedResourceMetadata(sidecar::mcpUrl,
                        sidecar::authorizationServers, sidecar.registry.scopes(), sidecar.scopeFormat, DOCUMENTATION))
                .register("/mcp", new McpService(sidecar.mcpSettings, sidecar.registry, sidecar.callers,
                        sidecar.nextcloudAccess, CallMetrics.global(), new AuditLog()))
                .error(InsufficientScopeException.class, challenges::insufficientScope);
    }

    /** What a client without a token is told to ask for: enough to read, the least privilege that is useful. */
    private Set<Scope> challengeScopes() {
        Set<Scope> read = new TreeSet<>();
        registry.scopes().stream().filter(scope -> scope.access().equals("read")).forEach(read::add);
        return read.isEmpty() ? registry.scopes() : read;
    }

    private McpSettings buildMcpSettings() {
        List<String> origins = config.allowedOrigins().isEmpty() ? McpSettings.LOCAL_ORIGINS : config.allowedOrigins();
        McpSettings settings = McpSettings.defaults(NAME, Version.current())
                .withInstructions(instructions())
                .withAllowedOrigins(origins)
                .withAllowedHosts(config.allowedHosts());
        return config.stateKey().map(settings::withStateKey).orElse(settings);
    }

    private String instructions() {
        String who = switch (config.nextcloud().mode()) {
            case APP_PASSWORD -> "as user '" + nextcloudUser + "'";
            case BEARER, TOKEN_EXCHANGE -> "as the signed-in user";
            case LOGIN_FLOW -> "as the signed-in user, once they connected their account with "
                    + "nc_auth_provision_access";
        };
        String text = "Tools act on the user's Nextcloud (" + nextcloudBaseUrl + ") " + who + ". Read before you "
                + "write: update tools take the etag returned by get tools, and a conflict means the object changed "
                + "since it was read.";
        return demo == null ? text : "DEMO MODE against a simulated Nextcloud with sample data; nothing is kept. "
                + text;
    }

    public URI mcpUrl() {
        return config.mcpUrl(port());
    }

    public URI metadataUrl() {
        URI mcp = mcpUrl();
        return mcp.resolve("/.well-known" + ProtectedResourceMetadata.wellKnownPath(mcp));
    }

    public int port() {
        WebServer running = server;
        return running == null ? config.port() : running.port();
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The IdP's issuers, or the facade's issuer (known once the port is, so asked when the PRM is served). */
    private List<String> authorizationServers() {
        return facade == null
                ? config.security().issuers().stream().map(URI::toString).toList()
                : List.of(facade.issuer());
    }

    /** The authorization-server facade, or empty when {@code oauth.facade.enabled} is off. */
    public Optional<AuthorizationFacade> authorizationFacade() {
        return Optional.ofNullable(facade);
    }

    public boolean authenticated() {
        return tokens != null;
    }

    public boolean demo() {
        return demo != null;
    }

    public String nextcloudBaseUrl() {
        return nextcloudBaseUrl;
    }

    public String nextcloudUser() {
        return nextcloudUser;
    }

    @Override
    public void close() {
        WebServer running = server;
        if (running != null) {
            running.stop();
        }
        if (purger != null) {
            purger.close();
        }
        registry.close();
        if (store != null) {
            store.close();
        }
        if (demo != null) {
            demo.close();
        }
        LOG.log(System.Logger.Level.INFO, "ncmcp stopped");
    }
}
