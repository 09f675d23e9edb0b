package dev.ncmcp.server.elicitation;

/**
 * Unwinds a tool handler that asked for input the server cannot give it in this request: a 2026-07-28
 * elicitation without an answer yet (the call answers {@code input_required}), or a URL elicitation for a
 * 2025-11-25 client (the call ends with {@code URLElicitationRequiredError}). What the call answers is
 * recorded on the {@link CallElicitation} before this is thrown, so a handler that catches it by mistake
 * still produces the right answer.
 */
public final class ElicitationSuspended extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ElicitationSuspended() {
        super("the tool call is suspended until the client answers an elicitation; do not catch this", null,
                false, false);
    }
}
