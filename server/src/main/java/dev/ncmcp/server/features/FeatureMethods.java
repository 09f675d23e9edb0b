package dev.ncmcp.server.features;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;

/**
 * What {@link ToolMethods}, {@link ResourceMethods} and {@link PromptMethods} share: the registry, the paged lists
 * gated by the caller's scopes and by {@link AppAvailability}, and the scope check before a get or read.
 */
abstract class FeatureMethods {
    final PluginRegistry registry;
    private final McpSettings settings;
    private final NextcloudAccess access;
    private final AppAvailability apps;

    FeatureMethods(PluginRegistry registry, McpSettings settings, NextcloudAccess nextcloud, AppAvailability apps) {
        this.registry = registry;
        this.settings = settings;
        this.access = nextcloud;
        this.apps = apps;
    }

    /** One page of the {@code items} whose scopes the caller holds and whose plugin's app is available to it. */
    final <T> JsonObject page(RequestContext context, JsonObject params, Supplier<List<T>> items,
                              Function<T, Set<Scope>> requiredScopes, Function<T, String> key,
                              Function<T, JsonObject> encoder, String field) throws McpError {
        Caller caller = context.caller();
        AppAvailability.Visibility available = apps.forCaller(caller, scopes -> nextcloud(context, scopes));
        List<T> visible = items.get().stream()
                .filter(item -> Scopes.grants(caller, requiredScopes.apply(item)))
                .filter(available::shows)
                .toList();
        return Pages.page(visible, key, encoder, field, params, settings.pageSize());
    }

    /** The caller, checked to hold {@code requiredScopes}, and a Nextcloud client for those scopes. */
    final Authorized authorize(RequestContext context, Set<Scope> requiredScopes) {
        Caller caller = context.caller();
        Scopes.require(caller, requiredScopes);
        return new Authorized(caller, nextcloud(context, requiredScopes));
    }

    /** A Nextcloud client acting as the caller, for an operation needing {@code scopes}. */
    final NextcloudClient nextcloud(RequestContext context, Set<Scope> scopes) {
        return access.clientFor(context.authenticated(), scopes);
    }

    record Authorized(Caller caller, NextcloudClient nextcloud) {
    }
}
