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

    /**
     * Asks the user for input through the client, where the client supports it; see {@link Elicitation}
     * for the rules (check {@code supports…()} first; work before an elicitation must be idempotent,
     * because with 2026-07-28 clients the handler may be run again from the start when the client answers).
     */
    @Experimental(since = "0.1.0")
    default Elicitation elicitation() {
        return Elicitation.UNSUPPORTED;
    }
}
