package dev.ncmcp.server.mcp;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;

import dev.ncmcp.server.mcp.schema.JsonSchemaValidator;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ProgressReporter;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** {@code tools/list} and {@code tools/call}. */
final class ToolMethods {
    private static final System.Logger LOG = System.getLogger(ToolMethods.class.getName());
    static final String META_ERROR_KIND = "dev.ncmcp/errorKind";

    private final PluginRegistry registry;
    private final McpSettings settings;
    private final Elicitations elicitations;

    ToolMethods(PluginRegistry registry, McpSettings settings, Elicitations elicitations) {
        this.registry = registry;
        this.settings = settings;
        this.elicitations = elicitations;
    }

    JsonObject list(RequestContext context, JsonObject params) throws McpError {
        Caller caller = context.caller();
        List<ToolDefinition> visible = registry.tools().stream()
                .filter(tool -> Scopes.grants(caller, tool.requiredScopes()))
                .toList();
        return Pages.page(visible, ToolDefinition::name, Encoders::tool, "tools", params, settings.pageSize());
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
        Scopes.require(caller, tool.requiredScopes());

        List<String> problems = JsonSchemaValidator.validate(tool.inputSchema(), arguments, "arguments");
        if (!problems.isEmpty()) {
            return Encoders.toolResult(ToolResult.error("Invalid arguments for tool " + name + ":\n- "
                    + String.join("\n- ", problems)));
        }
        CallElicitation elicitation = elicitations.forToolCall(context, name, arguments, params);
        Invocation invocation = new Invocation(new Arguments(arguments), context, tool.requiredScopes(), elicitation);
        JsonObject outcome;
        try {
            ToolResult result = registry.callInPluginContext(tool, () -> tool.handler().call(invocation));
            if (result == null) {
                throw new IllegalStateException("tool handler returned null");
            }
            outcome = Encoders.toolResult(result);
        } catch (ElicitationSuspended e) {
            outcome = null;
        } catch (ToolException e) {
            outcome = toolError(e);
        } catch (Exception | LinkageError | AssertionError e) {
            outcome = internalError(name, context, e);
        }
        // the handler asked for input: that decides the answer, even if it swallowed the suspension
        JsonObject interruption = elicitation.interruption();
        if (interruption != null) {
            return interruption;
        }
        return outcome != null ? outcome
                : internalError(name, context, new IllegalStateException("elicitation suspended without a request"));
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
        private final Set<Scope> scopes;
        private final Elicitation elicitation;
        private NextcloudClient nextcloud;

        Invocation(Arguments arguments, RequestContext context, Set<Scope> scopes, Elicitation elicitation) {
            this.arguments = arguments;
            this.context = context;
            this.scopes = scopes;
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
                nextcloud = context.nextcloud(scopes);
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
