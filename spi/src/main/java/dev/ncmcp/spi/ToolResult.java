package dev.ncmcp.spi;

import jakarta.json.JsonValue;

import java.util.List;
import java.util.Objects;

/**
 * What a tool returns: content blocks for the model and, for tools with an output schema,
 * {@code structuredContent} conforming to it.
 *
 * @param content           text, images, audio, embedded resources and resource links
 * @param structuredContent any JSON value matching the output schema, or {@code null}
 * @param isError           true for a failure the model should see as such
 */
public record ToolResult(List<Content> content, JsonValue structuredContent, boolean isError) {

    public ToolResult {
        content = List.copyOf(Objects.requireNonNull(content, "content"));
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(new Content.Text(text)), null, false);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }

    /** A structured result whose text block is the serialised JSON, as the spec suggests for compatibility. */
    public static ToolResult structured(JsonValue structured) {
        return structured(structured, (String) null);
    }

    /**
     * A structured result; {@code summary} is the text block shown to models that do not read
     * structured content. When {@code summary} is null the serialised JSON is used, as the spec suggests.
     */
    public static ToolResult structured(JsonValue structured, String summary) {
        String text = summary != null ? summary : structured.toString();
        return new ToolResult(List.of(new Content.Text(text)), structured, false);
    }

    /** Structured result with extra content blocks (for example an embedded binary file). */
    public static ToolResult structured(JsonValue structured, List<Content> content) {
        return new ToolResult(content, structured, false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(List.of(new Content.Text(text)), null, true);
    }
}
