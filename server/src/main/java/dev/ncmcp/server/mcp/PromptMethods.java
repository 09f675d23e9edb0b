package dev.ncmcp.server.mcp;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.PromptRequest;
import dev.ncmcp.spi.PromptResult;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** {@code prompts/list} and {@code prompts/get}. */
final class PromptMethods {
    private static final System.Logger LOG = System.getLogger(PromptMethods.class.getName());

    private final PluginRegistry registry;
    private final McpSettings settings;
    private final AppAvailability apps;

    PromptMethods(PluginRegistry registry, McpSettings settings, AppAvailability apps) {
        this.registry = registry;
        this.settings = settings;
        this.apps = apps;
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        Caller caller = context.caller();
        AppAvailability.Visibility available = apps.forCaller(caller, context::nextcloud);
        List<PromptDefinition> visible = registry.prompts().stream()
                .filter(prompt -> Scopes.grants(caller, prompt.requiredScopes()))
                .filter(available::shows)
                .toList();
        return Pages.page(visible, PromptDefinition::name, Encoders::prompt, "prompts", params, settings.pageSize());
    }

    JsonObject get(RequestContext context, JsonObject params) throws McpError {
        if (!(params.get("name") instanceof JsonString nameValue)) {
            throw McpError.invalidParams("prompts/get: \"name\" must be a string");
        }
        String name = nameValue.getString();
        PromptDefinition prompt = registry.prompt(name)
                .orElseThrow(() -> McpError.invalidParams("Unknown prompt: " + name));
        Map<String, String> arguments = arguments(params.get("arguments"));
        for (PromptDefinition.PromptArgument argument : prompt.arguments()) {
            if (argument.required() && !arguments.containsKey(argument.name())) {
                throw McpError.invalidParams("Missing required argument '" + argument.name() + "' for prompt " + name);
            }
        }
        Caller caller = context.caller();
        Scopes.require(caller, prompt.requiredScopes());
        NextcloudClient nextcloud = context.nextcloud(prompt.requiredScopes());
        PromptRequest request = new PromptRequest() {
            @Override
            public Map<String, String> arguments() {
                return arguments;
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
        try {
            PromptResult result = registry.callInPluginContext(prompt, () -> prompt.handler().get(request));
            return Encoders.promptResult(result);
        } catch (ToolException e) {
            throw e.kind() == ToolException.Kind.INVALID_ARGUMENT || e.kind() == ToolException.Kind.NOT_FOUND
                    ? McpError.invalidParams(e.getMessage())
                    : McpError.internalWithMessage(e.getMessage());
        } catch (Exception | LinkageError e) {
            LOG.log(Level.ERROR, "prompt " + name + " failed (request id " + context.requestId() + ")", e);
            throw McpError.internal(context.requestId());
        }
    }

    private static Map<String, String> arguments(JsonValue value) throws McpError {
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw McpError.invalidParams("prompts/get: \"arguments\" must be an object of strings");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString text)) {
                throw McpError.invalidParams("prompts/get: argument '" + entry.getKey() + "' must be a string");
            }
            arguments.put(entry.getKey(), text.getString());
        }
        return Map.copyOf(arguments);
    }
}
