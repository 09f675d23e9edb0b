package dev.ncmcp.server;

import dev.ncmcp.server.config.ConfigProblem;
import dev.ncmcp.server.config.NextcloudConfig;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.connection.ConnectionTools;
import dev.ncmcp.server.demo.DemoFinder;
import dev.ncmcp.server.demo.DemoNextcloud;
import dev.ncmcp.server.nextcloud.Nextcloud;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.nextcloud.NextcloudTarget;
import dev.ncmcp.server.nextcloud.TokenExchanger;
import dev.ncmcp.server.oauth.AuthorizationFacade;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.server.security.CallerResolver;
import dev.ncmcp.server.security.Challenges;
import dev.ncmcp.server.security.ProtectedResourceMetadata;
import dev.ncmcp.server.security.ScopeFormat;
import dev.ncmcp.server.security.Security;
import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.server.store.JdbcStore;
import dev.ncmcp.server.store.Store;
import dev.ncmcp.server.store.StorePurger;
import dev.ncmcp.server.transport.BearerAuthFeature;
import dev.ncmcp.server.transport.McpService;
import dev.ncmcp.server.transport.OriginCheck;
import dev.ncmcp.server.transport.ProtectedResourceMetadataService;
import dev.ncmcp.spi.NextcloudPlugin;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The assembled sidecar. {@link #create(SidecarConfig)} reads like a table of contents — where Nextcloud is, the
 * store, the plugins, who may call, how calls reach Nextcloud, the facade — each from its package's entry point.
 * {@link #routing(HttpRouting.Builder, Sidecar)} is the one place routes are declared; tests reuse it with fakes
 * assembled by {@link #builder()}.
 */
public final class Sidecar implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sidecar.class.getName());
    static final String NAME = "ncmcp";
    static final String DOCUMENTATION = "https://github.com/ncmcp/ncmcp#readme";
    static final String DEMO_USER = "demo";

    private final Address address;
    private final McpSettings mcp;
    private final PluginRegistry registry;
    private final CallerResolver callers;
    private final Challenges challenges;
    private final ProtectedResourceMetadata resourceMetadata;
    private final NextcloudAccess nextcloud;
    private final Optional<AuthorizationFacade> facade;
    private final CallMetrics metrics;
    private final AuditLog audit;
    private final Listener listener;
    private final Summary summary;
    private final Optional<StorePurger> purger;
    private final Resources resources;
    private volatile WebServer server;

    /** Where the server listens: the {@code server} node for Helidon, host and port. */
    record Listener(Config server, String host, int port) {
    }

    /** What the operator is told at startup. */
    record Summary(boolean demo, boolean authenticated, String nextcloudBaseUrl, String nextcloudUser) {
    }

    private Sidecar(Builder builder) {
        this.address = Objects.requireNonNull(builder.address, "address");
        this.mcp = builder.mcp;
        this.registry = Objects.requireNonNull(builder.registry, "registry");
        this.callers = Objects.requireNonNull(builder.callers, "callers");
        this.nextcloud = Objects.requireNonNull(builder.nextcloud, "nextcloud");
        this.challenges = builder.challenges.orElseGet(() -> Challenges.leastPrivilege(address::metadataUrl,
                builder.scopeFormat, registry.scopes()));
        this.resourceMetadata = new ProtectedResourceMetadata(address::mcpUrl, builder.authorizationServers,
                registry.scopes(), builder.scopeFormat, DOCUMENTATION);
        this.facade = builder.facade;
        this.metrics = builder.metrics;
        this.audit = builder.audit;
        this.listener = builder.listener;
        this.summary = builder.summary;
        this.purger = builder.purger;
        this.resources = builder.resources;
    }

    /**
     * Prepares everything from configuration; fails with a readable message (a {@link ConfigProblem}, or the
     * identity provider or a plugin jar named) before anything listens.
     */
    public static Sidecar create(SidecarConfig config) {
        Resources resources = new Resources();
        try {
            Address address = new Address(config::mcpUrl, config.port());
            NextcloudTarget target = nextcloudTarget(config, resources);
            Optional<Store> store = config.storeNeeded()
                    ? Optional.of(resources.add(JdbcStore.open(config.store())))
                    : Optional.empty();
            Optional<AppPasswords> connections = config.nextcloud().mode() == NextcloudConfig.AuthMode.LOGIN_FLOW
                    ? store.map(Store::appPasswords)
                    : Optional.empty();
            Nextcloud nextcloud = Nextcloud.create(config.nextcloud(), target);
            PluginRegistry registry = resources.add(loadPlugins(config, nextcloud, store, connections));
            Security security = Security.create(config.security(), address::mcpUrl);
            NextcloudAccess access = nextcloud.access(() -> TokenExchanger.create(security.identityProvider(),
                    config.security(), config.nextcloud(), config.scopeSeparator()), connections);
            ScopeFormat scopeFormat = new ScopeFormat(config.scopeSeparator());
            Challenges challenges = Challenges.leastPrivilege(address::metadataUrl, scopeFormat, registry.scopes());
            Optional<AuthorizationFacade> facade = config.facade().enabled()
                    ? Optional.of(AuthorizationFacade.create(config.facade(), config.security().issuers().getFirst(),
                            address::mcpUrl, registry.scopes().stream().filter(scope -> !scope.isOpenId())
                                    .map(scopeFormat::render).toList(), store.orElseThrow()))
                    : Optional.empty();
            warnWhenEveryoneSharesOneAccount(config, security);
            return builder()
                    .address(address)
                    .settings(mcpSettings(config, nextcloud))
                    .registry(registry)
                    .callers(security.callers(challenges, nextcloud.user(), registry.scopes(), connections))
                    .nextcloud(access)
                    .scopeFormat(scopeFormat)
                    .challenges(challenges)
                    .facade(facade)
                    .authorizationServers(() -> facade.map(f -> List.of(f.issuer())).orElseGet(() ->
                            config.security().issuers().stream().map(URI::toString).toList()))
                    .listener(new Listener(config.server(), config.host(), config.port()))
                    .summary(new Summary(config.nextcloud().demo(), security.authenticated(), nextcloud.baseUrl(),
                            nextcloud.user()))
                    .purger(store.map(opened -> resources.add(new StorePurger(opened, config.store().purge()))))
                    .resources(resources)
                    .build();
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /** The configured Nextcloud, or the demo one (with a fresh password) when {@code nextcloud.url} is not set. */
    private static NextcloudTarget nextcloudTarget(SidecarConfig config, Resources resources) {
        if (!config.nextcloud().demo()) {
            return NextcloudTarget.configured(config.nextcloud());
        }
        DemoNextcloud demo = DemoFinder.find(config.demoDirectory()).orElseThrow(() -> new ConfigProblem(
                "no Nextcloud configured: set NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD (an app "
                        + "password) to use yours. Without nextcloud.url the sidecar runs the demo, which this "
                        + "installation does not include (no " + config.demoDirectory() + "); run it from a source "
                        + "checkout with server/bin/ncmcp"));
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        DemoNextcloud.Running running = resources.add(demo.start(DEMO_USER, password, "Demo User"));
        return new NextcloudTarget(running.baseUrl(), DEMO_USER, password);
    }

    /** The plugins on the class path and in the plugin directory, plus the connection tools in login-flow mode. */
    private static PluginRegistry loadPlugins(SidecarConfig config, Nextcloud nextcloud, Optional<Store> store,
                                              Optional<AppPasswords> connections) {
        AtomicReference<PluginRegistry> loaded = new AtomicReference<>();
        List<NextcloudPlugin> builtIn = connections.<NextcloudPlugin>map(grants -> new ConnectionTools(
                        nextcloud.loginFlow(), grants, store.orElseThrow().loginFlows(), () -> loaded.get().scopes(),
                        config.scopeSeparator(), Clock.systemUTC()))
                .stream().toList();
        PluginRegistry registry = PluginRegistry.load(config.pluginDirectory(), JsonSchemaValidator::verify, builtIn,
                config.pluginSettings());
        loaded.set(registry);
        return registry;
    }

    private static void warnWhenEveryoneSharesOneAccount(SidecarConfig config, Security security) {
        if (security.authenticated() && config.nextcloud().mode() == NextcloudConfig.AuthMode.APP_PASSWORD) {
            LOG.log(System.Logger.Level.WARNING, "OAuth is on but nextcloud.auth.mode is app-password: every "
                    + "authenticated user acts as Nextcloud user ''{0}''", config.nextcloud().user());
        }
    }

    private static McpSettings mcpSettings(SidecarConfig config, Nextcloud nextcloud) {
        List<String> origins = config.allowedOrigins().isEmpty() ? McpSettings.LOCAL_ORIGINS : config.allowedOrigins();
        McpSettings settings = McpSettings.defaults(NAME, Version.current())
                .withInstructions(instructions(config, nextcloud))
                .withAllowedOrigins(origins)
                .withAllowedHosts(config.allowedHosts());
        return config.stateKey().map(settings::withStateKey).orElse(settings);
    }

    private static String instructions(SidecarConfig config, Nextcloud nextcloud) {
        String who = switch (config.nextcloud().mode()) {
            case APP_PASSWORD -> "as user '" + nextcloud.user() + "'";
            case BEARER, TOKEN_EXCHANGE -> "as the signed-in user";
            case LOGIN_FLOW -> "as the signed-in user, once they connected their account with "
                    + "nc_auth_provision_access";
        };
        String text = "Tools act on the user's Nextcloud (" + nextcloud.baseUrl() + ") " + who + ". Read before you "
                + "write: update tools take the etag returned by get tools, and a conflict means the object changed "
                + "since it was read.";
        return config.nextcloud().demo() ? "DEMO MODE against a simulated Nextcloud with sample data; nothing is "
                + "kept. " + text : text;
    }

    /** Starts listening; fails with a readable message when the address cannot be bound. */
    public Sidecar start() {
        WebServer started = WebServer.builder()
                .config(listener.server())
                .host(listener.host())
                .port(listener.port())
                .routing(routing -> routing(routing, this))
                .build()
                .start();
        if (!started.isRunning() || started.port() < 0) {
            started.stop();
            throw new ConfigProblem("cannot listen on " + listener.host() + ":" + listener.port()
                    + " (server.host / server.port, SERVER_HOST / SERVER_PORT): the port is in use or the address "
                    + "is not available");
        }
        this.server = started;
        address.listening(started.port());
        purger.ifPresent(StorePurger::start);
        try {
            facade.ifPresent(AuthorizationFacade::warmUp);
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return this;
    }

    /** The routes of the sidecar, in one place: Origin/Host check, then authentication, then the services. */
    public static void routing(HttpRouting.Builder routing, Sidecar sidecar) {
        routing.addFeature(new OriginCheck(sidecar.mcp))
                .addFeature(new BearerAuthFeature(sidecar.callers));
        sidecar.facade.ifPresent(facade -> routing.register("/.well-known", facade.metadataService())
                .register("/oauth", facade));
        routing.register("/.well-known", new ProtectedResourceMetadataService(sidecar.resourceMetadata))
                .register("/mcp", new McpService(sidecar.mcp, sidecar.registry, sidecar.nextcloud, sidecar.challenges,
                        sidecar.metrics, sidecar.audit));
    }

    public URI mcpUrl() {
        return address.mcpUrl();
    }

    public URI metadataUrl() {
        return address.metadataUrl();
    }

    public int port() {
        return address.port();
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The authorization-server facade, or empty when {@code oauth.facade.enabled} is off. */
    public Optional<AuthorizationFacade> authorizationFacade() {
        return facade;
    }

    public boolean authenticated() {
        return summary.authenticated();
    }

    public boolean demo() {
        return summary.demo();
    }

    public String nextcloudBaseUrl() {
        return summary.nextcloudBaseUrl();
    }

    public String nextcloudUser() {
        return summary.nextcloudUser();
    }

    @Override
    public void close() {
        WebServer running = server;
        if (running != null) {
            running.stop();
        }
        resources.close();
        LOG.log(System.Logger.Level.INFO, "ncmcp stopped");
    }

    /**
     * Assembles a sidecar from components, for tests and embedding: at least the plugins, how callers are resolved
     * and how Nextcloud is reached. By default the MCP URL is {@code http://127.0.0.1/mcp}, the settings are
     * {@link McpSettings#defaults}, scopes render as {@code app:access}, there is no facade and no authorization
     * server, meters go to Helidon's global registry and the server listens on a free loopback port.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link #builder()}. */
    public static final class Builder {
        private Address address = Address.fixed(URI.create("http://127.0.0.1/mcp"));
        private McpSettings mcp = McpSettings.defaults(NAME, Version.current());
        private PluginRegistry registry;
        private CallerResolver callers;
        private NextcloudAccess nextcloud;
        private ScopeFormat scopeFormat = new ScopeFormat(':');
        private Optional<Challenges> challenges = Optional.empty();
        private Optional<AuthorizationFacade> facade = Optional.empty();
        private Supplier<List<String>> authorizationServers = List::of;
        private CallMetrics metrics = CallMetrics.global();
        private AuditLog audit = new AuditLog();
        private Listener listener = new Listener(Config.empty(), "127.0.0.1", 0);
        private Summary summary = new Summary(false, false, "http://nextcloud.invalid", "");
        private Optional<StorePurger> purger = Optional.empty();
        private Resources resources = new Resources();

        private Builder() {
        }

        public Builder mcpUrl(URI url) {
            return address(Address.fixed(url));
        }

        public Builder settings(McpSettings settings) {
            this.mcp = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder registry(PluginRegistry registry) {
            this.registry = registry;
            return this;
        }

        public Builder callers(CallerResolver callers) {
            this.callers = callers;
            return this;
        }

        public Builder nextcloud(NextcloudAccess nextcloud) {
            this.nextcloud = nextcloud;
            return this;
        }

        public Builder metrics(CallMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        public Builder audit(AuditLog audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        Builder address(Address address) {
            this.address = address;
            return this;
        }

        Builder scopeFormat(ScopeFormat format) {
            this.scopeFormat = format;
            return this;
        }

        /** The challenges the callers already word; by default made from the address, format and scopes. */
        Builder challenges(Challenges challenges) {
            this.challenges = Optional.of(challenges);
            return this;
        }

        Builder facade(Optional<AuthorizationFacade> facade) {
            this.facade = facade;
            return this;
        }

        Builder authorizationServers(Supplier<List<String>> servers) {
            this.authorizationServers = servers;
            return this;
        }

        Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        Builder summary(Summary summary) {
            this.summary = summary;
            return this;
        }

        Builder purger(Optional<StorePurger> purger) {
            this.purger = purger;
            return this;
        }

        Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        public Sidecar build() {
            return new Sidecar(this);
        }
    }
}
