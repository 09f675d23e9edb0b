package dev.ncmcp.server.features;

import java.util.List;
import java.util.Locale;

import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.PromptResult;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolResult;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** SPI records → MCP JSON. */
final class Encoders {
    private Encoders() {
    }

    static JsonObject tool(ToolDefinition tool) {
        JsonObjectBuilder builder = Jsons.object()
                .add("name", tool.name())
                .add("title", tool.title())
                .add("description", tool.description())
                .add("inputSchema", tool.inputSchema());
        tool.optionalOutputSchema().ifPresent(schema -> builder.add("outputSchema", schema));
        ToolAnnotations hints = tool.annotations();
        builder.add("annotations", Jsons.object()
                .add("title", tool.title())
                .add("readOnlyHint", hints.readOnly())
                .add("destructiveHint", hints.destructive())
                .add("idempotentHint", hints.idempotent())
                .add("openWorldHint", hints.openWorld()));
        return builder.build();
    }

    static JsonObject resource(ResourceDefinition resource) {
        JsonObjectBuilder builder = Jsons.object().add("uri", resource.uri()).add("name", resource.name());
        optional(builder, "title", resource.title());
        optional(builder, "description", resource.description());
        optional(builder, "mimeType", resource.mimeType());
        return builder.build();
    }

    static JsonObject resourceTemplate(ResourceTemplateDefinition template) {
        JsonObjectBuilder builder = Jsons.object().add("uriTemplate", template.uriTemplate()).add("name", template.name());
        optional(builder, "title", template.title());
        optional(builder, "description", template.description());
        optional(builder, "mimeType", template.mimeType());
        return builder.build();
    }

    static JsonObject prompt(PromptDefinition prompt) {
        JsonObjectBuilder builder = Jsons.object().add("name", prompt.name());
        optional(builder, "title", prompt.title());
        optional(builder, "description", prompt.description());
        JsonArrayBuilder arguments = Jsons.array();
        for (PromptDefinition.PromptArgument argument : prompt.arguments()) {
            JsonObjectBuilder arg = Jsons.object().add("name", argument.name());
            optional(arg, "description", argument.description());
            arguments.add(arg.add("required", argument.required()));
        }
        return builder.add("arguments", arguments).build();
    }

    static JsonObject toolResult(ToolResult result) {
        JsonObjectBuilder builder = Jsons.object().add("content", contents(result.content()));
        if (result.structuredContent() != null) {
            builder.add("structuredContent", result.structuredContent());
        }
        return builder.add("isError", result.isError()).build();
    }

    static JsonArrayBuilder contents(List<Content> contents) {
        JsonArrayBuilder array = Jsons.array();
        contents.forEach(content -> array.add(content(content)));
        return array;
    }

    static JsonObject content(Content content) {
        return switch (content) {
            case Content.Text text -> Jsons.object().add("type", "text").add("text", text.text()).build();
            case Content.Image image -> Jsons.object().add("type", "image").add("data", image.base64Data())
                    .add("mimeType", image.mimeType()).build();
            case Content.Audio audio -> Jsons.object().add("type", "audio").add("data", audio.base64Data())
                    .add("mimeType", audio.mimeType()).build();
            case Content.EmbeddedResource embedded -> Jsons.object().add("type", "resource")
                    .add("resource", resourceContents(embedded.resource())).build();
            case Content.ResourceLink link -> {
                JsonObjectBuilder builder = Jsons.object().add("type", "resource_link")
                        .add("uri", link.uri()).add("name", link.name());
                optional(builder, "description", link.description());
                optional(builder, "mimeType", link.mimeType());
                if (link.size() != null) {
                    builder.add("size", link.size());
                }
                yield builder.build();
            }
        };
    }

    static JsonObject resourceContents(ResourceContents contents) {
        JsonObjectBuilder builder = Jsons.object().add("uri", contents.uri());
        optional(builder, "mimeType", contents.mimeType());
        return switch (contents) {
            case ResourceContents.Text text -> builder.add("text", text.text()).build();
            case ResourceContents.Blob blob -> builder.add("blob", blob.base64Blob()).build();
        };
    }

    static JsonObject promptResult(PromptResult result) {
        JsonObjectBuilder builder = Jsons.object();
        optional(builder, "description", result.description());
        JsonArrayBuilder messages = Jsons.array();
        for (PromptResult.Message message : result.messages()) {
            messages.add(Jsons.object().add("role", message.role().name().toLowerCase(Locale.ROOT))
                    .add("content", content(message.content())));
        }
        return builder.add("messages", messages).build();
    }

    private static void optional(JsonObjectBuilder builder, String key, String value) {
        if (value != null) {
            builder.add(key, value);
        }
    }
}
