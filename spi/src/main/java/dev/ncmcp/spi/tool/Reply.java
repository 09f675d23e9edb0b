package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.Content;

import java.util.List;
import java.util.Objects;

/**
 * A result together with the content blocks the model sees instead of the default text (the summary, or the
 * result as JSON): for example the text of a file, an image, or an embedded binary resource.
 *
 * @param value   the structured result
 * @param content the content blocks, at least one
 */
public record Reply<R extends Record>(R value, List<Content> content) {

    public Reply {
        Objects.requireNonNull(value, "value");
        content = List.copyOf(content);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one content block");
        }
    }

    public static <R extends Record> Reply<R> of(R value, Content... content) {
        return new Reply<>(value, List.of(content));
    }
}
