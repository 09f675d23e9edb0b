package dev.ncmcp.spi;

import dev.ncmcp.spi.nextcloud.NextcloudClient;

/** Everything one tool call may use. Valid only during the call. */
public interface ToolInvocation {

    /** The arguments, already validated against the tool's input schema. */
    Arguments arguments();

    /** A Nextcloud client authenticated as the caller. */
    NextcloudClient nextcloud();

    /** Who is calling and with which scopes. */
    Caller caller();

    /** Reports progress to the client; a no-op when the client did not ask for progress. */
    default ProgressReporter progress() {
        return ProgressReporter.NONE;
    }

    /** Becomes true when the client gave up on the call (closed the stream); long loops should check it. */
    default boolean cancelled() {
        return false;
    }
}
