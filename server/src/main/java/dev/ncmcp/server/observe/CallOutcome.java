package dev.ncmcp.server.observe;

import java.util.Objects;

/**
 * How one {@code tools/call} ended, as the {@code outcome} tag of its timer and the {@code outcome} field of its
 * audit line. A small, fixed vocabulary so the metric's cardinality stays bounded.
 *
 * @param tag {@code ok}, {@code tool_error:<KIND>}, {@code tool_error}, {@code invalid_arguments},
 *            {@code insufficient_scope}, {@code input_required}, {@code invalid_params} or {@code internal_error}
 */
public record CallOutcome(String tag) {
    /** The handler returned a result. */
    public static final CallOutcome OK = new CallOutcome("ok");
    /** The handler returned a result flagged as an error, without a typed kind. */
    public static final CallOutcome TOOL_ERROR = new CallOutcome("tool_error");
    /** The arguments failed the tool's input schema; the handler did not run. */
    public static final CallOutcome INVALID_ARGUMENTS = new CallOutcome("invalid_arguments");
    /** The token lacks a scope the tool requires (403 step-up); the handler did not run. */
    public static final CallOutcome INSUFFICIENT_SCOPE = new CallOutcome("insufficient_scope");
    /** The handler asked the user for input (elicitation); the call ends without a result for now. */
    public static final CallOutcome INPUT_REQUIRED = new CallOutcome("input_required");
    /** The call's protocol fields were invalid (for example a tampered elicitation state): a JSON-RPC error. */
    public static final CallOutcome INVALID_PARAMS = new CallOutcome("invalid_params");
    /** The handler or the server failed unexpectedly. */
    public static final CallOutcome INTERNAL_ERROR = new CallOutcome("internal_error");

    public CallOutcome {
        Objects.requireNonNull(tag, "tag");
    }

    /** A typed tool error such as {@code tool_error:NOT_FOUND}. */
    public static CallOutcome toolError(Enum<?> kind) {
        return new CallOutcome("tool_error:" + kind.name());
    }

    @Override
    public String toString() {
        return tag;
    }
}
