package dev.ncmcp.server.mcp;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.plugin.ResourceMatch;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceRequest;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read}. */
final class ResourceMethods {
    private static final System.Logger LOG = System.getLogger(ResourceMethods.class.getName());

    private final PluginRegistry registry;
    private final McpSettings settings;
    private final AppAvailability apps;

    ResourceMethods(PluginRegistry registry, McpSettings settings, AppAvailability apps) {
        this.registry = registry;
        this.settings = settings;
        this.apps = apps;
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        Caller caller = context.caller();
        AppAvailability.Visibility available = apps.forCaller(caller, context::nextcloud);
        List<ResourceDefinition> visible = registry.resources().stream()
                .filter(resource -> Scopes.grants(caller, resource.requiredScopes()))
                .filter(available::shows)
                .toList();
        return Pages.page(visible, ResourceDefinition::uri, Encoders::resource, "resources", params,
                settings.pageSize());
    }

    JsonObject templates(RequestContext context, JsonObject params) throws McpError {
        Caller caller = context.caller();
        AppAvailability.Visibility available = apps.forCaller(caller, context::nextcloud);
        List<ResourceTemplateDefinition> visible = registry.resourceTemplates().stream()
                .filter(template -> Scopes.grants(caller, template.requiredScopes()))
                .filter(available::shows)
                .toList();
        return Pages.page(visible, ResourceTemplateDefinition::uriTemplate, Encoders::resourceTemplate,
                "resourceTemplates", params, settings.pageSize());
    }

    JsonObject read(RequestContext context, JsonObject params) throws McpError {
        if (!(params.get("uri") instanceof JsonString uriValue)) {
            throw McpError.invalidParams("resources/read: \"uri\" must be a string");
        }
        String uri = uriValue.getString();
        ResourceMatch match = registry.resolveResource(uri)
                .orElseThrow(() -> McpError.resourceNotFound(context.era(), uri));
        Caller caller = context.caller();
        Scopes.require(caller, match.requiredScopes());
        NextcloudClient nextcloud = context.nextcloud(match.requiredScopes());
        ResourceRequest request = new ResourceRequest() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Map<String, String> variables() {
                return match.variables();
            }

            @Override
            public NextcloudClient nextcloud() {
                return nextcloud;
            }

            @Override
            public Caller caller() {
                return caller;
            }
        };
        List<ResourceContents> contents;
        try {
            contents = registry.callInPluginContext(match, () -> match.reader().read(request));
        } catch (ToolException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> McpError.resourceNotFound(context.era(), uri);
                case INVALID_ARGUMENT -> McpError.invalidParams(e.getMessage());
                default -> McpError.internalWithMessage(e.getMessage());
            };
        } catch (Exception | LinkageError e) {
            LOG.log(Level.ERROR, "reading resource failed (request id " + context.requestId() + ")", e);
            throw McpError.internal(context.requestId());
        }
        JsonArrayBuilder array = Jsons.array();
        for (ResourceContents item : contents == null ? List.<ResourceContents>of() : contents) {
            array.add(Encoders.resourceContents(item));
        }
        return Jsons.object().add("contents", array).build();
    }
}
