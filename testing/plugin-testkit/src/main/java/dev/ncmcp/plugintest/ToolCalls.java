package dev.ncmcp.plugintest;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.testkit.TestInvocation;
import jakarta.json.JsonObject;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A plugin's tools called the way the server calls them: the arguments validated against the input schema first
 * (a violation is an argument error and the handler never runs), the result checked against the output schema.
 */
public final class ToolCalls {

    private final NextcloudPlugin plugin;
    private final Scope[] granted;

    /**
     * @param plugin  the plugin; its tools are looked up at each call, so a test may initialise it again
     * @param granted the scopes the caller holds
     */
    public ToolCalls(NextcloudPlugin plugin, Scope... granted) {
        this.plugin = plugin;
        this.granted = granted.clone();
    }

    public ToolDefinition tool(String name) {
        return plugin.tools().stream().filter(tool -> tool.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name + " in plugin " + plugin.id()));
    }

    /** Calls a tool that must succeed with valid arguments and a result conforming to its output schema. */
    public ToolResult result(NextcloudClient as, String name, JsonObject args) throws ToolException {
        ToolDefinition tool = tool(name);
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments"), name + " arguments");
        ToolResult result = tool.handler().call(TestInvocation.of(args, as, granted));
        assertFalse(result.isError(), name);
        assertNotNull(result.structuredContent(), name + " returns structured content");
        assertEquals(List.of(), JsonSchemaValidator.validate(tool.outputSchema(), result.structuredContent(),
                "structuredContent"), name + " output must conform to its output schema: " + result.structuredContent());
        return result;
    }

    /** The structured content of {@link #result}. */
    public JsonObject call(NextcloudClient as, String name, JsonObject args) throws ToolException {
        return result(as, name, args).structuredContent().asJsonObject();
    }

    /** Calls a tool that must fail; arguments that break the input schema fail as the server fails them. */
    public ToolException failure(NextcloudClient as, String name, JsonObject args) {
        ToolDefinition tool = tool(name);
        return assertThrows(ToolException.class, () -> {
            List<String> problems = JsonSchemaValidator.validate(tool.inputSchema(), args, "arguments");
            if (!problems.isEmpty()) {
                throw ToolException.invalidArgument(String.join("; ", problems));
            }
            tool.handler().call(TestInvocation.of(args, as, granted));
        }, name + " " + args + " should fail");
    }
}
