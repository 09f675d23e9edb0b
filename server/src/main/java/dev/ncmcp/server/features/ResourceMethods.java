package dev.ncmcp.server.features;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.plugin.ResourceMatch;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
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
final class ResourceMethods extends FeatureMethods {
    private static final System.Logger LOG = System.getLogger(ResourceMethods.class.getName());

    ResourceMethods(PluginRegistry registry, McpSettings settings, NextcloudAccess nextcloud, AppAvailability apps) {
        super(registry, settings, nextcloud, apps);
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        return page(context, params, registry::resources, ResourceDefinition::requiredScopes, ResourceDefinition::uri,
                Encoders::resource, "resources");
    }

    JsonObject templates(RequestContext context, JsonObject params) throws McpError {
        return page(context, params, registry::resourceTemplates, ResourceTemplateDefinition::requiredScopes,
                ResourceTemplateDefinition::uriTemplate, Encoders::resourceTemplate, "resourceTemplates");
    }

    JsonObject read(RequestContext context, JsonObject params) throws McpError {
        if (!(params.get("uri") instanceof JsonString uriValue)) {
            throw McpError.invalidParams("resources/read: \"uri\" must be a string");
        }
        String uri = uriValue.getString();
        ResourceMatch match = registry.resolveResource(uri)
                .orElseThrow(() -> McpError.resourceNotFound(context.era(), uri));
        Authorized authorized = authorize(context, match.requiredScopes());
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
                return authorized.nextcloud();
            }

            @Override
            public Caller caller() {
                return authorized.caller();
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
