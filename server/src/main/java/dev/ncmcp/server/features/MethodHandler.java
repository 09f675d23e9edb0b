package dev.ncmcp.server.features;

import dev.ncmcp.server.protocol.McpError;
import jakarta.json.JsonObject;

/** Answers one JSON-RPC method with the core result (before per-era shaping). */
@FunctionalInterface
interface MethodHandler {
    JsonObject handle(RequestContext context, JsonObject params) throws McpError;
}
