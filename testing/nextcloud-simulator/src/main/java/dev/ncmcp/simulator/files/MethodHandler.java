package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;

/**
 * Answers one WebDAV method on the caller's files.
 */
@FunctionalInterface
interface MethodHandler {
    SimResponse handle(FileRequest request);
}
