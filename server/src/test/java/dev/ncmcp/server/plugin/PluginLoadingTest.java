package dev.ncmcp.server.plugin;

import dev.ncmcp.server.mcp.schema.JsonSchemaValidator;
import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PluginLoadingTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{}}";
    /** The handler reports whether plugin code can see a server class (it must not). */
    private static final String PROBE_HANDLER = """
            String seen;
            try { Class.forName("dev.ncmcp.server.Main"); seen = "server-visible"; }
            catch (ClassNotFoundException e) { seen = "server-hidden"; }
            return ToolResult.text(seen + " " + (Thread.currentThread().getContextClassLoader()
                    == getClass().getClassLoader() ? "context-loader-is-plugin" : "context-loader-is-other"));
            """;

    @TempDir
    Path dir;

    @Test
    void externalJarRunsInItsOwnLoaderThatSeesOnlyTheSpiAndTheJdk() throws Exception {
        Path jar = PluginJars.build(dir, "probe.jar", "Probe",
                PluginJars.pluginSource("Probe", "probe", "probe:read", "nc_probe_run", "probe:read", SCHEMA,
                        PROBE_HANDLER), true);

        PluginRegistry registry = PluginRegistry.load(dir, JsonSchemaValidator::verify);

        LoadedPlugin probe = registry.plugins().stream().filter(p -> p.plugin().id().equals("probe")).findFirst()
                .orElseThrow();
        assertThat(probe.origin(), is(jar.toString()));
        assertThat(probe.loader(), instanceOf(PluginClassLoader.class));
        assertThat(probe.loader(), not(sameInstance(getClass().getClassLoader())));
        ToolDefinition tool = registry.tool("nc_probe_run").orElseThrow();
        assertThat("SPI types are shared with the server", tool.getClass(), sameInstance(ToolDefinition.class));

        ToolResult result = registry.callInPluginContext(tool, () -> tool.handler().call(invocation()));
        assertThat(((Content.Text) result.content().getFirst()).text(),
                is("server-hidden context-loader-is-plugin"));
    }

    @Test
    void duplicateToolNamesInTwoJarsStopStartupNamingBothJars() throws Exception {
        PluginJars.build(dir, "deck.jar", "Deck", PluginJars.pluginSource("Deck", "deck", "deck:read",
                "nc_deck_list_boards", "deck:read", SCHEMA, "return ToolResult.text(\"a\");"), true);
        PluginJars.build(dir, "deck-fork.jar", "DeckFork", PluginJars.pluginSource("DeckFork", "deckfork",
                "deck:read", "nc_deck_list_boards", "deck:read", SCHEMA, "return ToolResult.text(\"b\");"), true);

        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.load(dir, JsonSchemaValidator::verify));

        assertThat(e.getMessage(), containsString("duplicate tool nc_deck_list_boards"));
        assertThat(e.getMessage(), containsString("deck.jar"));
        assertThat(e.getMessage(), containsString("deck-fork.jar"));
    }

    @Test
    void jarWithoutProviderIsNamed() throws Exception {
        PluginJars.build(dir, "empty.jar", "Empty", PluginJars.pluginSource("Empty", "empty", "empty:read",
                "nc_empty_x", "empty:read", SCHEMA, "return ToolResult.text(\"x\");"), false);

        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.load(dir, JsonSchemaValidator::verify));

        assertThat(e.getMessage(), containsString("empty.jar: no dev.ncmcp.spi.NextcloudPlugin provider"));
    }

    @Test
    void toolRequiringAnUndeclaredScopeIsRejected() throws Exception {
        PluginJars.build(dir, "sneaky.jar", "Sneaky", PluginJars.pluginSource("Sneaky", "sneaky", "sneaky:read",
                "nc_sneaky_write", "files:write", SCHEMA, "return ToolResult.text(\"x\");"), true);

        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.load(dir, JsonSchemaValidator::verify));

        assertThat(e.getMessage(), containsString("sneaky.jar"));
        assertThat(e.getMessage(), containsString("requires scope files:write"));
    }

    @Test
    void invalidInputSchemaIsRejectedNamingJarAndTool() throws Exception {
        String bad = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integr\"}}}";
        PluginJars.build(dir, "bad.jar", "Bad", PluginJars.pluginSource("Bad", "bad", "bad:read",
                "nc_bad_tool", "bad:read", bad, "return ToolResult.text(\"x\");"), true);

        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.load(dir, JsonSchemaValidator::verify));

        assertThat(e.getMessage(), containsString("bad.jar"));
        assertThat(e.getMessage(), containsString("nc_bad_tool"));
        assertThat(e.getMessage(), containsString("inputSchema"));
    }

    /** A plugin whose one tool answers with the value of its configuration key {@code max}. */
    private static final String CONFIGURED = """
            package test.plugins;

            import dev.ncmcp.spi.*;
            import java.util.List;

            public final class Configured implements NextcloudPlugin {
                private static final Scope READ = Scope.parse("cfg:read").orElseThrow();
                private long max = -1;
                public String id() { return "cfg"; }
                public List<ScopeDefinition> scopes() { return List.of(new ScopeDefinition(READ, "test scope")); }
                public List<ConfigKey> configuration() {
                    return List.of(ConfigKey.integer("max", 5, 1, 10, "The most of something"));
                }
                public void init(PluginContext context) { max = context.config().integer("max"); }
                public void close() { System.setProperty("test.cfg.closed", "yes"); }
                public List<ToolDefinition> tools() {
                    long configured = max;
                    return List.of(ToolDefinition.builder("nc_cfg_max").title("Max").description("Says max.")
                            %s
                            .inputSchema("{\\"type\\":\\"object\\"}").requires(READ)
                            .handler(invocation -> ToolResult.text(Long.toString(configured))).build());
                }
            }
            """;

    @Test
    void pluginsGetTheirValidatedConfigurationBeforeTheirToolsAndAreClosed() throws Exception {
        PluginJars.build(dir, "cfg.jar", "Configured", CONFIGURED.formatted(".annotations(ToolAnnotations.READ_ONLY)"),
                true);
        System.clearProperty("test.cfg.closed");

        PluginRegistry registry = PluginRegistry.load(dir, JsonSchemaValidator::verify, List.of(),
                Map.of("cfg", Map.of("max", "7")));
        ToolDefinition tool = registry.tool("nc_cfg_max").orElseThrow();
        ToolResult result = registry.callInPluginContext(tool, () -> tool.handler().call(invocation()));
        assertThat(((Content.Text) result.content().getFirst()).text(), is("7"));
        registry.close();
        assertThat(System.getProperty("test.cfg.closed"), is("yes"));

        PluginRegistry defaults = PluginRegistry.load(dir, JsonSchemaValidator::verify);
        ToolDefinition defaultTool = defaults.tool("nc_cfg_max").orElseThrow();
        assertThat(((Content.Text) defaults.callInPluginContext(defaultTool, () -> defaultTool.handler()
                .call(invocation())).content().getFirst()).text(), is("5"));
        assertThat(PluginRegistry.configurationKeys(dir).get("cfg").getFirst().path("cfg"), is("plugins.cfg.max"));
    }

    @Test
    void badPluginConfigurationStopsStartupNamingTheKeyAndTheJar() throws Exception {
        Path jar = PluginJars.build(dir, "cfg.jar", "Configured",
                CONFIGURED.formatted(".annotations(ToolAnnotations.READ_ONLY)"), true);

        PluginLoadException range = assertThrows(PluginLoadException.class, () -> PluginRegistry.load(dir,
                JsonSchemaValidator::verify, List.of(), Map.of("cfg", Map.of("max", "11"))));
        assertThat(range.getMessage(), containsString(jar.toString()));
        assertThat(range.getMessage(), containsString("plugins.cfg.max (PLUGINS_CFG_MAX): must be between 1 and 10"));

        PluginLoadException unknown = assertThrows(PluginLoadException.class, () -> PluginRegistry.load(dir,
                JsonSchemaValidator::verify, List.of(), Map.of("cfg", Map.of("mx", "3"))));
        assertThat(unknown.getMessage(), containsString("plugins.cfg.mx: unknown key; plugin cfg has [max]"));

        PluginLoadException ghost = assertThrows(PluginLoadException.class, () -> PluginRegistry.load(dir,
                JsonSchemaValidator::verify, List.of(), Map.of("ghost", Map.of("x", "1"))));
        assertThat(ghost.getMessage(), containsString("plugins.ghost: no plugin with id 'ghost' is loaded"));
    }

    @Test
    void aToolWithoutAnnotationsStopsStartupNamingTheJarAndTheTool() throws Exception {
        Path jar = PluginJars.build(dir, "cfg.jar", "Configured", CONFIGURED.formatted(""), true);

        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> PluginRegistry.load(dir, JsonSchemaValidator::verify));

        assertThat(e.getMessage(), containsString(jar.toString()));
        assertThat(e.getMessage(), containsString("tool nc_cfg_max needs annotations"));
    }

    @Test
    void missingDirectoryMeansClasspathPluginsOnly() {
        PluginRegistry registry = PluginRegistry.load(dir.resolve("absent"), JsonSchemaValidator::verify);

        assertThat(registry.plugins().stream().allMatch(p -> p.origin().equals("classpath")), is(true));
        assertThat(Files.exists(dir.resolve("absent")), is(false));
    }

    private static ToolInvocation invocation() {
        return new ToolInvocation() {
            @Override
            public Arguments arguments() {
                return new Arguments(JsonValue.EMPTY_JSON_OBJECT);
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new AssertionError("not used");
            }

            @Override
            public Caller caller() {
                return new Caller("t", "t", Set.of());
            }
        };
    }
}
