package dev.ncmcp.conformance;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ProgressReporter;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.PromptRequest;
import dev.ncmcp.spi.PromptResult;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceRequest;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceFixturesPluginTest {

    private static final Caller CALLER = new Caller("demo", "demo", Set.of(ConformanceFixturesPlugin.READ));

    @Test
    void serviceLoaderFindsThePlugin() {
        List<NextcloudPlugin> found = ServiceLoader.load(NextcloudPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof ConformanceFixturesPlugin)
                .toList();
        assertEquals(1, found.size());
        assertEquals("conformance", found.get(0).id());
    }

    @Test
    void definitionsAreValidAndUseDeclaredScopes() {
        NextcloudPlugin plugin = new ConformanceFixturesPlugin();
        Set<String> declared = plugin.scopes().stream().map(ScopeDefinition::scope).map(Object::toString)
                .collect(Collectors.toSet());
        assertEquals(Set.of("conformance:read"), declared);

        Set<String> toolNames = new HashSet<>();
        for (ToolDefinition tool : plugin.tools()) {
            assertTrue(toolNames.add(tool.name()), "duplicate tool " + tool.name());
            assertFalse(tool.description().isBlank());
            tool.requiredScopes().forEach(s -> assertTrue(declared.contains(s.toString()), tool.name()));
        }
        assertEquals(Set.of("test_simple_text", "test_image_content", "test_audio_content",
                "test_embedded_resource", "test_multiple_content_types", "test_error_handling",
                "test_tool_with_progress", "json_schema_2020_12_tool", "test_elicitation",
                "test_elicitation_sep1034_defaults", "test_elicitation_sep1330_enums"), toolNames);
        assertEquals(Set.of("test://static-text", "test://static-binary", "test://watched-resource"),
                plugin.resources().stream().map(r -> r.uri()).collect(Collectors.toSet()));
        assertEquals(List.of("test://template/{id}/data"),
                plugin.resourceTemplates().stream().map(t -> t.uriTemplate()).toList());
        assertEquals(Set.of("test_simple_prompt", "test_prompt_with_arguments",
                        "test_prompt_with_embedded_resource", "test_prompt_with_image"),
                plugin.prompts().stream().map(PromptDefinition::name).collect(Collectors.toSet()));
        plugin.prompts().forEach(p -> assertTrue(p.description() != null && !p.description().isBlank()));

        var schema = tool(plugin, "json_schema_2020_12_tool").inputSchema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"));
        assertTrue(schema.getJsonObject("$defs").containsKey("address"));
        assertEquals(false, schema.getBoolean("additionalProperties"));
    }

    @Test
    void toolsReturnWhatTheSuiteChecks() throws Exception {
        NextcloudPlugin plugin = new ConformanceFixturesPlugin();
        ToolResult text = tool(plugin, "test_simple_text").handler().call(invocation(ProgressReporter.NONE));
        assertEquals(List.of(new Content.Text("This is a simple text response for testing.")), text.content());

        ToolResult error = tool(plugin, "test_error_handling").handler().call(invocation(ProgressReporter.NONE));
        assertTrue(error.isError());

        ToolResult audio = tool(plugin, "test_audio_content").handler().call(invocation(ProgressReporter.NONE));
        Content.Audio clip = assertInstanceOf(Content.Audio.class, audio.content().get(0));
        assertEquals("audio/wav", clip.mimeType());
        byte[] wav = Base64.getDecoder().decode(clip.base64Data());
        assertArrayEquals("RIFF".getBytes(), java.util.Arrays.copyOf(wav, 4));

        ToolResult mixed = tool(plugin, "test_multiple_content_types").handler()
                .call(invocation(ProgressReporter.NONE));
        assertEquals(List.of(Content.Text.class, Content.Image.class, Content.EmbeddedResource.class),
                mixed.content().stream().map(Object::getClass).toList());

        List<Double> progress = new ArrayList<>();
        tool(plugin, "test_tool_with_progress").handler()
                .call(invocation((value, total, message) -> progress.add(value)));
        assertEquals(List.of(0.0, 50.0, 100.0), progress);
    }

    @Test
    void templateSubstitutesTheId() throws Exception {
        var template = new ConformanceFixturesPlugin().resourceTemplates().get(0);
        List<ResourceContents> contents = template.reader().read(resourceRequest("test://template/123/data",
                Map.of("id", "123")));
        ResourceContents.Text text = assertInstanceOf(ResourceContents.Text.class, contents.get(0));
        assertEquals("{\"id\":\"123\",\"templateTest\":true,\"data\":\"Data for ID: 123\"}", text.text());
        assertEquals("test://template/123/data", text.uri());
    }

    @Test
    void promptsSubstituteArguments() throws Exception {
        PromptDefinition prompt = new ConformanceFixturesPlugin().prompts().stream()
                .filter(p -> p.name().equals("test_prompt_with_arguments")).findFirst().orElseThrow();
        PromptResult result = prompt.handler().get(promptRequest(Map.of("arg1", "hello", "arg2", "world")));
        assertEquals(new Content.Text("Prompt with arguments: arg1='hello', arg2='world'"),
                result.messages().get(0).content());
    }

    @Test
    void elicitationToolsAskWithTheSuitesSchemasAndReportTheAnswer() throws Exception {
        NextcloudPlugin plugin = new ConformanceFixturesPlugin();
        List<JsonObject> asked = new ArrayList<>();
        Elicitation answering = new Elicitation() {
            @Override
            public boolean supportsForm() {
                return true;
            }

            @Override
            public boolean supportsUrl() {
                return false;
            }

            @Override
            public ElicitationResult form(String message, JsonObject requestedSchema) {
                asked.add(requestedSchema);
                return ElicitationResult.accept(Json.createObjectBuilder().add("username", "u").build());
            }

            @Override
            public ElicitationResult url(String message, String url) {
                throw new AssertionError();
            }
        };
        ToolResult result = tool(plugin, "test_elicitation").handler().call(invocation(
                Json.createObjectBuilder().add("message", "Who?").build(), answering));
        assertEquals("User response: action=accept, content={\"username\":\"u\"}",
                ((Content.Text) result.content().get(0)).text());
        assertEquals(List.of("username", "email"), asked.get(0).getJsonArray("required").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());

        tool(plugin, "test_elicitation_sep1034_defaults").handler().call(invocation(null, answering));
        JsonObject defaults = asked.get(1).getJsonObject("properties");
        assertEquals(30, defaults.getJsonObject("age").getInt("default"));
        assertEquals(95.5, defaults.getJsonObject("score").getJsonNumber("default").doubleValue());
        assertTrue(defaults.getJsonObject("verified").getBoolean("default"));

        tool(plugin, "test_elicitation_sep1330_enums").handler().call(invocation(null, answering));
        assertEquals(Set.of("untitledSingle", "titledSingle", "legacyEnum", "untitledMulti", "titledMulti"),
                asked.get(2).getJsonObject("properties").keySet());

        ToolResult unsupported = tool(plugin, "test_elicitation_sep1034_defaults").handler()
                .call(invocation(null, Elicitation.UNSUPPORTED));
        assertTrue(unsupported.isError());
    }

    private static ToolInvocation invocation(JsonObject arguments, Elicitation elicitation) {
        return invocation(arguments, elicitation, ProgressReporter.NONE);
    }

    private static ToolDefinition tool(NextcloudPlugin plugin, String name) {
        return plugin.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static ToolInvocation invocation(ProgressReporter reporter) {
        return invocation(null, Elicitation.UNSUPPORTED, reporter);
    }

    /** A call by {@link #CALLER} that never uses Nextcloud. */
    private static ToolInvocation invocation(JsonObject arguments, Elicitation elicitation, ProgressReporter reporter) {
        return new ToolInvocation() {
            @Override
            public Arguments arguments() {
                return new Arguments(arguments);
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new UnsupportedOperationException("fixtures never use Nextcloud");
            }

            @Override
            public Caller caller() {
                return CALLER;
            }

            @Override
            public ProgressReporter progress() {
                return reporter;
            }

            @Override
            public Elicitation elicitation() {
                return elicitation;
            }
        };
    }

    private static ResourceRequest resourceRequest(String uri, Map<String, String> variables) {
        return new ResourceRequest() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Map<String, String> variables() {
                return variables;
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Caller caller() {
                return CALLER;
            }
        };
    }

    private static PromptRequest promptRequest(Map<String, String> arguments) {
        return new PromptRequest() {
            @Override
            public Map<String, String> arguments() {
                return arguments;
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Caller caller() {
                return CALLER;
            }
        };
    }
}
