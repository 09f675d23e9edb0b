package dev.ncmcp.server.features;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.ncmcp.server.elicitation.CallElicitation;
import dev.ncmcp.server.elicitation.ElicitationSuspended;
import dev.ncmcp.server.elicitation.Elicitations;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.observe.CallOutcome;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ProgressReporter;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * {@code tools/list} (filtered by scopes and by {@link AppAvailability}) and {@code tools/call}; every call of a
 * known tool is measured ({@link CallMetrics}) and audited ({@link AuditLog}), never with its arguments.
 */
final class ToolMethods extends FeatureMethods {
    private static final System.Logger LOG = System.getLogger(ToolMethods.class.getName());
    static final String META_ERROR_KIND = "dev.ncmcp/errorKind";

    private final Elicitations elicitations;
    private final CallMetrics metrics;
    private final AuditLog audit;

    ToolMethods(PluginRegistry registry, McpSettings settings, NextcloudAccess nextcloud, Elicitations elicitations,
                AppAvailability apps, CallMetrics metrics, AuditLog audit) {
        super(registry, settings, nextcloud, apps);
        this.elicitations = elicitations;
        this.metrics = metrics;
        this.audit = audit;
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        return page(context, params, registry::tools, ToolDefinition::requiredScopes, ToolDefinition::name,
                Encoders::tool, "tools");
    }

    JsonObject call(RequestContext context, JsonObject params) throws McpError {
        if (!(params.get("name") instanceof JsonString nameValue)) {
            throw McpError.invalidParams("tools/call: \"name\" must be a string");
        }
        String name = nameValue.getString();
        JsonValue rawArguments = params.get("arguments");
        if (rawArguments != null && rawArguments != JsonValue.NULL && !(rawArguments instanceof JsonObject)) {
            throw McpError.invalidParams("tools/call: \"arguments\" must be an object");
        }
        JsonObject arguments = rawArguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        ToolDefinition tool = registry.tool(name).orElseThrow(() -> McpError.invalidParams("Unknown tool: " + name));
        Caller caller = context.caller();
        // from here on the call is about a known tool: measured and audited, whatever happens
        long started = System.nanoTime();
        Outcome outcome = new Outcome();
        try {
            return invoke(context, tool, caller, arguments, outcome);
        } catch (InsufficientScopeException e) {
            outcome.set(CallOutcome.INSUFFICIENT_SCOPE);
            throw e;
        } catch (McpError e) {
            outcome.setIfUnset(CallOutcome.INVALID_PARAMS);
            throw e;
        } finally {
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            CallOutcome result = outcome.orElse(CallOutcome.INTERNAL_ERROR);
            metrics.toolCall(name, result, duration);
            audit.toolCall(caller.subject(), caller.nextcloudUser(), name, result, duration, context.requestId());
        }
    }

    private JsonObject invoke(RequestContext context, ToolDefinition tool, Caller caller, JsonObject arguments,
                              Outcome outcome) throws McpError {
        String name = tool.name();
        Scopes.require(caller, tool.requiredScopes());

        List<String> problems = JsonSchemaValidator.validate(tool.inputSchema(), arguments, "arguments");
        if (!problems.isEmpty()) {
            outcome.set(CallOutcome.INVALID_ARGUMENTS);
            return Encoders.toolResult(ToolResult.error("Invalid arguments for tool " + name + ":\n- "
                    + String.join("\n- ", problems)));
        }
        CallElicitation elicitation = elicitations.forToolCall(context.forElicitation(name, arguments));
        Invocation invocation = new Invocation(new Arguments(arguments), context,
                () -> nextcloud(context, tool.requiredScopes()), elicitation);
        JsonObject result;
        try {
            ToolResult returned = registry.callInPluginContext(tool, () -> tool.handler().call(invocation));
            if (returned == null) {
                throw new IllegalStateException("tool handler returned null");
            }
            result = Encoders.toolResult(returned);
            outcome.set(returned.isError() ? CallOutcome.TOOL_ERROR : CallOutcome.OK);
        } catch (ElicitationSuspended e) {
            result = null;
        } catch (ToolException e) {
            result = toolError(e);
            outcome.set(CallOutcome.toolError(e.kind()));
        } catch (Exception | LinkageError | AssertionError e) {
            result = internalError(name, context, e);
            outcome.set(CallOutcome.INTERNAL_ERROR);
        }
        // the handler asked for input: that decides the answer, even if it swallowed the suspension
        JsonObject interruption;
        try {
            interruption = elicitation.interruption();
        } catch (McpError e) {
            outcome.set(CallOutcome.INPUT_REQUIRED);
            throw e;
        }
        if (interruption != null) {
            outcome.set(CallOutcome.INPUT_REQUIRED);
            return interruption;
        }
        if (result == null) {
            outcome.set(CallOutcome.INTERNAL_ERROR);
            return internalError(name, context, new IllegalStateException("elicitation suspended without a request"));
        }
        return result;
    }

    /** How the call ended so far; unset means it escaped with an unexpected exception. */
    private static final class Outcome {
        private CallOutcome value;

        void set(CallOutcome outcome) {
            value = outcome;
        }

        void setIfUnset(CallOutcome outcome) {
            if (value == null) {
                value = outcome;
            }
        }

        CallOutcome orElse(CallOutcome fallback) {
            return value == null ? fallback : value;
        }
    }

    private static JsonObject internalError(String name, RequestContext context, Throwable e) {
        // the message may carry anything (paths, data, tokens): log it, never return it
        LOG.log(Level.ERROR, "tool " + name + " failed (request id " + context.requestId() + ")", e);
        return Encoders.toolResult(ToolResult.error("Internal error in tool " + name
                + " (request id " + context.requestId() + ")"));
    }

    private static JsonObject toolError(ToolException e) {
        List<Content> content = e.kind() == ToolException.Kind.CONFLICT && e.details() != null
                ? List.of(new Content.Text(e.getMessage()), new Content.Text(e.details().toString()))
                : List.of(new Content.Text(e.getMessage()));
        JsonObject result = Encoders.toolResult(new ToolResult(content, null, true));
        return Jsons.object(result)
                .add("_meta", Jsons.object().add(META_ERROR_KIND, e.kind().name()))
                .build();
    }

    /** What the handler sees; valid only during the call. */
    private static final class Invocation implements ToolInvocation {
        private final Arguments arguments;
        private final RequestContext context;
        private final ProgressReporter progress;
        private final Supplier<NextcloudClient> clients;
        private final Elicitation elicitation;
        private NextcloudClient nextcloud;

        Invocation(Arguments arguments, RequestContext context, Supplier<NextcloudClient> clients,
                   Elicitation elicitation) {
            this.arguments = arguments;
            this.context = context;
            this.clients = clients;
            this.progress = context.progress();
            this.elicitation = elicitation;
        }

        @Override
        public Elicitation elicitation() {
            return elicitation;
        }

        @Override
        public Arguments arguments() {
            return arguments;
        }

        @Override
        public synchronized NextcloudClient nextcloud() {
            if (nextcloud == null) {
                nextcloud = clients.get();
            }
            return nextcloud;
        }

        @Override
        public Caller caller() {
            return context.caller();
        }

        @Override
        public ProgressReporter progress() {
            return progress;
        }

        @Override
        public boolean cancelled() {
            return context.channel().cancelled();
        }
    }
}
