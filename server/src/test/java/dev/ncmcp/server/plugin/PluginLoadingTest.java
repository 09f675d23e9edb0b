package dev.ncmcp.server.plugin;

import dev.ncmcp.server.schema.JsonSchemaValidator;
import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
