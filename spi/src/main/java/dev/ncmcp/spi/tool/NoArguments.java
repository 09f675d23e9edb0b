package dev.ncmcp.spi.tool;

/** The argument record of a tool that takes no arguments. */
public record NoArguments() {
}
