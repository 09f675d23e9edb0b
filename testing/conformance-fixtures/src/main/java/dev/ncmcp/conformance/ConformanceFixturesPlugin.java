package dev.ncmcp.conformance;

import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.PromptDefinition.PromptArgument;
import dev.ncmcp.spi.PromptResult;
import dev.ncmcp.spi.PromptResult.Message;
import dev.ncmcp.spi.PromptResult.Role;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Test-only plugin providing the tools, resources, resource templates and prompts that the MCP
 * conformance suite ({@code @modelcontextprotocol/conformance}) calls in its server scenarios, with
 * exactly the outputs it checks. It never talks to Nextcloud.
 *
 * <p>The {@code test_elicitation*} tools ask through {@link dev.ncmcp.spi.Elicitation} (the suite's client
 * speaks 2025-11-25, so the server sends {@code elicitation/create} on the call's SSE stream).
 *
 * <p>Deliberately absent: {@code test_tool_with_logging}, {@code test_sampling} — the sidecar offers
 * neither logging nor sampling (deprecated or unused in 2026-07-28); those scenarios are expected
 * failures ({@code .ci/conformance-expected-failures.yml}).
 */
public final class ConformanceFixturesPlugin implements NextcloudPlugin {

    public static final Scope READ = Scope.read("conformance");

    /** A 1x1 red pixel PNG. */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /** A tiny valid WAV file: 8 kHz, 8-bit mono, 8 samples of silence. */
    static final String WAV_BASE64 = Base64.getEncoder().encodeToString(wav());

    private static final String NO_ARGS = """
            {"type": "object", "properties": {}}""";

    @Override
    public String id() {
        return "conformance";
    }

    @Override
    public String description() {
        return "MCP conformance suite fixtures (test only)";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(new ScopeDefinition(READ, "Use the MCP conformance test fixtures"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("test_simple_text", "Simple text", "Returns a simple text response (conformance fixture).")
                        .handler(call -> ToolResult.text("This is a simple text response for testing."))
                        .build(),
                tool("test_image_content", "Image content", "Returns a 1x1 PNG image (conformance fixture).")
                        .handler(call -> ToolResult.of(new Content.Image(PNG_BASE64, "image/png")))
                        .build(),
                tool("test_audio_content", "Audio content", "Returns a tiny WAV audio clip (conformance fixture).")
                        .handler(call -> ToolResult.of(new Content.Audio(WAV_BASE64, "audio/wav")))
                        .build(),
                tool("test_embedded_resource", "Embedded resource",
                        "Returns an embedded text resource (conformance fixture).")
                        .handler(call -> ToolResult.of(new Content.EmbeddedResource(new ResourceContents.Text(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content."))))
                        .build(),
                tool("test_multiple_content_types", "Mixed content",
                        "Returns text, image and embedded resource content (conformance fixture).")
                        .handler(call -> ToolResult.of(
                                new Content.Text("Multiple content types test:"),
                                new Content.Image(PNG_BASE64, "image/png"),
                                new Content.EmbeddedResource(new ResourceContents.Text(
                                        "test://mixed-content-resource", "application/json",
                                        "{\"test\":\"data\",\"value\":123}"))))
                        .build(),
                tool("test_error_handling", "Error handling", "Always fails with a tool error (conformance fixture).")
                        .handler(call -> ToolResult.error("This tool intentionally returns an error for testing"))
                        .build(),
                tool("test_tool_with_progress", "Progress",
                        "Reports progress 0, 50 and 100 of 100 with short delays (conformance fixture).")
                        .handler(call -> {
                            call.progress().report(0, 100.0, null);
                            pause(50);
                            call.progress().report(50, 100.0, null);
                            pause(50);
                            call.progress().report(100, 100.0, null);
                            return ToolResult.text("Progress test completed");
                        })
                        .build(),
                ToolDefinition.builder("test_elicitation")
                        .title("Elicitation")
                        .description("Asks the user for a username and an email address (conformance fixture).")
                        .inputSchema("""
                                {"type": "object",
                                 "properties": {"message": {"type": "string", "description": "The message to show the user"}},
                                 "required": ["message"]}""")
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .handler(call -> elicit(call, "User response: ", call.arguments().string("message"), """
                                {"type": "object",
                                 "properties": {
                                   "username": {"type": "string", "description": "User's response"},
                                   "email": {"type": "string", "description": "User's email address"}
                                 },
                                 "required": ["username", "email"]}"""))
                        .build(),
                tool("test_elicitation_sep1034_defaults", "Elicitation defaults",
                        "Asks for values of every primitive type, each with a default (conformance fixture, SEP-1034).")
                        .handler(call -> elicit(call, "Elicitation completed: ",
                                "Please review the pre-filled values", """
                                {"type": "object",
                                 "properties": {
                                   "name": {"type": "string", "description": "User name", "default": "John Doe"},
                                   "age": {"type": "integer", "description": "User age", "default": 30},
                                   "score": {"type": "number", "description": "User score", "default": 95.5},
                                   "status": {"type": "string", "description": "User status",
                                              "enum": ["active", "inactive", "pending"], "default": "active"},
                                   "verified": {"type": "boolean", "description": "Verification status", "default": true}
                                 },
                                 "required": []}"""))
                        .build(),
                tool("test_elicitation_sep1330_enums", "Elicitation enums",
                        "Asks with every enum schema variant (conformance fixture, SEP-1330).")
                        .handler(call -> elicit(call, "Elicitation completed: ", "Please choose options", """
                                {"type": "object",
                                 "properties": {
                                   "untitledSingle": {"type": "string", "enum": ["option1", "option2", "option3"]},
                                   "titledSingle": {"type": "string", "oneOf": [
                                     {"const": "value1", "title": "First Option"},
                                     {"const": "value2", "title": "Second Option"},
                                     {"const": "value3", "title": "Third Option"}]},
                                   "legacyEnum": {"type": "string", "enum": ["opt1", "opt2", "opt3"],
                                                  "enumNames": ["Option One", "Option Two", "Option Three"]},
                                   "untitledMulti": {"type": "array",
                                                     "items": {"type": "string", "enum": ["option1", "option2", "option3"]}},
                                   "titledMulti": {"type": "array", "items": {"anyOf": [
                                     {"const": "value1", "title": "First Choice"},
                                     {"const": "value2", "title": "Second Choice"},
                                     {"const": "value3", "title": "Third Choice"}]}}
                                 },
                                 "required": []}"""))
                        .build(),
                ToolDefinition.builder("json_schema_2020_12_tool").annotations(ToolAnnotations.READ_ONLY)
                        .title("JSON Schema 2020-12")
                        .description("Tool with JSON Schema 2020-12 features (conformance fixture).")
                        .inputSchema("""
                                {
                                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                                  "type": "object",
                                  "$defs": {
                                    "address": {
                                      "type": "object",
                                      "properties": {
                                        "street": {"type": "string"},
                                        "city": {"type": "string"}
                                      }
                                    }
                                  },
                                  "properties": {
                                    "name": {"type": "string"},
                                    "address": {"$ref": "#/$defs/address"}
                                  },
                                  "additionalProperties": false
                                }""")
                        .requires(READ)
                        .handler(call -> ToolResult.text("JSON Schema 2020-12 tool called with "
                                + call.arguments().json().keySet()))
                        .build());
    }

    @Override
    public List<ResourceDefinition> resources() {
        return List.of(
                resource("test://static-text", "static-text", "Static text resource", "text/plain",
                        request -> List.of(new ResourceContents.Text(request.uri(), "text/plain",
                                "This is the content of the static text resource."))),
                resource("test://static-binary", "static-binary", "Static binary resource (PNG)", "image/png",
                        request -> List.of(new ResourceContents.Blob(request.uri(), "image/png", PNG_BASE64))),
                resource("test://watched-resource", "watched-resource", "Resource the suite subscribes to",
                        "text/plain",
                        request -> List.of(new ResourceContents.Text(request.uri(), "text/plain",
                                "Watched resource content."))));
    }

    @Override
    public List<ResourceTemplateDefinition> resourceTemplates() {
        return List.of(new ResourceTemplateDefinition("test://template/{id}/data", "template-data",
                "Template data", "Data for an id, substituted from the URI (conformance fixture).",
                "application/json", Set.of(READ),
                request -> {
                    String id = request.variables().get("id");
                    if (id == null) {
                        throw ToolException.invalidArgument("missing id");
                    }
                    String json = "{\"id\":\"" + jsonEscape(id) + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                            + jsonEscape(id) + "\"}";
                    return List.of(new ResourceContents.Text(request.uri(), "application/json", json));
                }));
    }

    @Override
    public List<PromptDefinition> prompts() {
        return List.of(
                new PromptDefinition("test_simple_prompt", "Simple prompt",
                        "A simple prompt without arguments (conformance fixture).", List.of(), Set.of(READ),
                        request -> new PromptResult(null, List.of(new Message(Role.USER,
                                new Content.Text("This is a simple prompt for testing."))))),
                new PromptDefinition("test_prompt_with_arguments", "Prompt with arguments",
                        "A prompt with two required arguments (conformance fixture).",
                        List.of(new PromptArgument("arg1", "First test argument", true),
                                new PromptArgument("arg2", "Second test argument", true)),
                        Set.of(READ),
                        request -> new PromptResult(null, List.of(new Message(Role.USER, new Content.Text(
                                "Prompt with arguments: arg1='" + request.arguments().get("arg1")
                                        + "', arg2='" + request.arguments().get("arg2") + "'"))))),
                new PromptDefinition("test_prompt_with_embedded_resource", "Prompt with embedded resource",
                        "A prompt embedding the resource given by URI (conformance fixture).",
                        List.of(new PromptArgument("resourceUri", "URI of the resource to embed", true)),
                        Set.of(READ),
                        request -> new PromptResult(null, List.of(
                                new Message(Role.USER, new Content.EmbeddedResource(new ResourceContents.Text(
                                        request.arguments().get("resourceUri"), "text/plain",
                                        "Embedded resource content for testing."))),
                                new Message(Role.USER,
                                        new Content.Text("Please process the embedded resource above."))))),
                new PromptDefinition("test_prompt_with_image", "Prompt with image",
                        "A prompt containing an image (conformance fixture).", List.of(), Set.of(READ),
                        request -> new PromptResult(null, List.of(
                                new Message(Role.USER, new Content.Image(PNG_BASE64, "image/png")),
                                new Message(Role.USER, new Content.Text("Please analyze the image above."))))));
    }

    private static ToolDefinition.Builder tool(String name, String title, String description) {
        return ToolDefinition.builder(name)
                .title(title)
                .description(description)
                .inputSchema(NO_ARGS)
                .annotations(ToolAnnotations.READ_ONLY)
                .requires(READ);
    }

    /** Asks with a form and reports the answer; a tool error when the client cannot show forms. */
    private static ToolResult elicit(ToolInvocation call, String prefix, String message, String schema)
            throws ToolException {
        Elicitation elicitation = call.elicitation();
        if (!elicitation.supportsForm()) {
            return ToolResult.error("This tool needs a client that supports elicitation (form mode)");
        }
        ElicitationResult result;
        try (JsonReader reader = Json.createReader(new StringReader(schema))) {
            result = elicitation.form(message, reader.readObject());
        }
        return ToolResult.text(prefix + "action=" + result.action().name().toLowerCase(Locale.ROOT)
                + ", content=" + result.content());
    }

    private static ResourceDefinition resource(String uri, String name, String description, String mimeType,
                                               dev.ncmcp.spi.ResourceReader reader) {
        return new ResourceDefinition(uri, name, name, description, mimeType, Set.of(READ), reader);
    }

    private static void pause(long millis) throws ToolException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(ToolException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static byte[] wav() {
        int samples = 8;
        int sampleRate = 8000;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(36 + samples);
        header.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(16);              // fmt chunk size
        header.putShort((short) 1);     // PCM
        header.putShort((short) 1);     // mono
        header.putInt(sampleRate);
        header.putInt(sampleRate);      // byte rate
        header.putShort((short) 1);     // block align
        header.putShort((short) 8);     // bits per sample
        header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(samples);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (int i = 0; i < samples; i++) {
            out.write(128);             // 8-bit PCM silence
        }
        return out.toByteArray();
    }
}
