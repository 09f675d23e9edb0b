package dev.ncmcp.spi;

import java.util.List;

/** Reads a resource for the caller. */
@FunctionalInterface
public interface ResourceReader {

    List<ResourceContents> read(ResourceRequest request) throws ToolException;
}
