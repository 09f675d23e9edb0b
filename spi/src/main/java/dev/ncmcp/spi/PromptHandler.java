package dev.ncmcp.spi;

/** Renders a prompt. */
@FunctionalInterface
public interface PromptHandler {

    PromptResult get(PromptRequest request) throws ToolException;
}
