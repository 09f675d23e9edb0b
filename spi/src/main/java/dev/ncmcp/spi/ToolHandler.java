package dev.ncmcp.spi;

/** Runs a tool. Called on a virtual thread; plain blocking code is expected. */
@FunctionalInterface
public interface ToolHandler {

    /**
     * @param invocation the validated arguments and everything the call may use
     * @return the result shown to the model
     * @throws ToolException for failures the model can act on (bad argument, not found, conflict,
     *                       Nextcloud unavailable); any other exception is reported as an internal error
     */
    ToolResult call(ToolInvocation invocation) throws ToolException;
}
