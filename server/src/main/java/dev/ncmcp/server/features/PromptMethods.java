package dev.ncmcp.server.features;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
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
final class PromptMethods extends FeatureMethods {
    private static final System.Logger LOG = System.getLogger(PromptMethods.class.getName());

    PromptMethods(PluginRegistry registry, McpSettings settings, NextcloudAccess nextcloud, AppAvailability apps) {
        super(registry, settings, nextcloud, apps);
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        return page(context, params, registry::prompts, PromptDefinition::requiredScopes, PromptDefinition::name,
                Encoders::prompt, "prompts");
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
        Authorized authorized = authorize(context, prompt.requiredScopes());
        PromptRequest request = new PromptRequest() {
            @Override
            public Map<String, String> arguments() {
                return arguments;
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
