package dev.ncmcp.server.mcp;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import jakarta.json.JsonObject;

/** The method table: {@code Map<String, Route>} built once; unknown (or wrong-era) methods are -32601. */
final class Dispatcher {
    private static final Set<Era> BOTH = EnumSet.allOf(Era.class);
    private static final Set<Era> LEGACY = EnumSet.of(Era.LEGACY);
    private static final Set<Era> MODERN = EnumSet.of(Era.MODERN);

    record Route(MethodHandler handler, Set<Era> eras, Era.CachePolicy cache) {
    }

    private final McpSettings settings;
    private final Map<String, Route> routes;

    Dispatcher(McpSettings settings, PluginRegistry registry) {
        this(settings, registry, new Elicitations(new Sealer(settings.stateKey()), new ServerRequests()),
                new AppAvailability(registry), CallMetrics.global(), new AuditLog());
    }

    Dispatcher(McpSettings settings, PluginRegistry registry, Elicitations elicitations, AppAvailability apps,
               CallMetrics metrics, AuditLog audit) {
        this.settings = settings;
        Lifecycle lifecycle = new Lifecycle(settings);
        ToolMethods tools = new ToolMethods(registry, settings, elicitations, apps, metrics, audit);
        ResourceMethods resources = new ResourceMethods(registry, settings, apps);
        PromptMethods prompts = new PromptMethods(registry, settings, apps);
        this.routes = Map.ofEntries(
                Map.entry("initialize", new Route(lifecycle::initialize, LEGACY, Era.CachePolicy.NONE)),
                // ping was removed in 2026-07-28
                Map.entry("ping", new Route(lifecycle::ping, LEGACY, Era.CachePolicy.NONE)),
                Map.entry("server/discover", new Route(lifecycle::discover, BOTH, Era.CachePolicy.PUBLIC)),
                Map.entry("subscriptions/listen", new Route(lifecycle::listen, MODERN, Era.CachePolicy.NONE)),
                Map.entry("tools/list", new Route(tools::list, BOTH, Era.CachePolicy.LIST)),
                Map.entry("tools/call", new Route(tools::call, BOTH, Era.CachePolicy.NONE)),
                Map.entry("resources/list", new Route(resources::list, BOTH, Era.CachePolicy.LIST)),
                Map.entry("resources/templates/list", new Route(resources::templates, BOTH, Era.CachePolicy.LIST)),
                Map.entry("resources/read", new Route(resources::read, BOTH, Era.CachePolicy.READ)),
                Map.entry("prompts/list", new Route(prompts::list, BOTH, Era.CachePolicy.LIST)),
                Map.entry("prompts/get", new Route(prompts::get, BOTH, Era.CachePolicy.NONE)));
    }

    /** Whether {@code method} is one this server answers (in some era). */
    boolean knows(String method) {
        return routes.containsKey(method);
    }

    /** Runs the request's method and returns the result shaped for the request's era. */
    JsonObject dispatch(RequestContext context) throws McpError {
        Message.Request request = context.request();
        Route route = routes.get(request.method());
        if (route == null || !route.eras().contains(context.era())) {
            throw McpError.methodNotFound(request.method());
        }
        JsonObject result = route.handler().handle(context, request.params());
        return context.era().shape(result, route.cache(), settings);
    }
}
