package dev.ncmcp.server.features;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.ncmcp.server.elicitation.Elicitations;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.Era;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.protocol.Message;
import jakarta.json.JsonObject;

/** The method table: {@code Map<String, Route>} built once; unknown (or wrong-era) methods are -32601. */
public final class Dispatcher {
    private static final Set<Era> BOTH = EnumSet.allOf(Era.class);
    private static final Set<Era> LEGACY = EnumSet.of(Era.LEGACY);
    private static final Set<Era> MODERN = EnumSet.of(Era.MODERN);

    record Route(MethodHandler handler, Set<Era> eras, Era.CachePolicy cache) {
    }

    private final McpSettings settings;
    private final Map<String, Route> routes;

    /**
     * @param nextcloud    gives handlers a Nextcloud client acting as the caller
     * @param elicitations how tool calls ask the user for input
     */
    public Dispatcher(McpSettings settings, PluginRegistry registry, NextcloudAccess nextcloud,
                      Elicitations elicitations, CallMetrics metrics, AuditLog audit) {
        this.settings = settings;
        AppAvailability apps = new AppAvailability(registry);
        Lifecycle lifecycle = new Lifecycle(settings);
        ToolMethods tools = new ToolMethods(registry, settings, nextcloud, elicitations, apps, metrics, audit);
        ResourceMethods resources = new ResourceMethods(registry, settings, nextcloud, apps);
        PromptMethods prompts = new PromptMethods(registry, settings, nextcloud, apps);
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
    public boolean knows(String method) {
        return routes.containsKey(method);
    }

    /** Runs the request's method and returns the result shaped for the request's era. */
    public JsonObject dispatch(RequestContext context) throws McpError {
        Message.Request request = context.request();
        Route route = routes.get(request.method());
        if (route == null || !route.eras().contains(context.era())) {
            throw McpError.methodNotFound(request.method());
        }
        JsonObject result = route.handler().handle(context, request.params());
        return context.era().shape(result, route.cache(), settings);
    }
}
