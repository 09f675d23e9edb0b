package dev.ncmcp.spi;

import jakarta.json.JsonObject;

/**
 * Asks the user for input in the middle of a tool call, through the client: a small form
 * ({@link #form}) or a URL to open in the browser ({@link #url}). Obtained from
 * {@link ToolInvocation#elicitation()}.
 *
 * <p><b>Check before asking.</b> Only clients that declared the {@code elicitation} capability (and the
 * mode) can show either; {@link #supportsForm()} and {@link #supportsUrl()} say what this client can do.
 * A tool must check and fall back — typically to returning the question or the URL as text in its result
 * so the model can relay it. Calling {@code form} or {@code url} when unsupported throws a
 * {@link ToolException} telling the model that the client cannot show it.
 *
 * <p><b>The handler may run more than once.</b> With 2026-07-28 clients an elicitation is a multi
 * round-trip request: when the handler asks and no answer is available yet, the server stops the handler
 * (by unwinding it with an internal unchecked throwable — do not catch and ignore it; {@code finally}
 * blocks run), answers the call with the question, and <em>runs the handler again from the start</em>
 * when the client retries with the user's answer. Previous answers are replayed in call order, so the
 * n-th elicitation of a run gets the n-th answer. Therefore everything a handler does before an
 * elicitation must be idempotent (reads, or writes that can safely repeat), and the sequence of
 * elicitations must be the same on every run for the same arguments. With older clients the call may
 * block until the user answers (form) or end with a request to open the URL and retry (URL mode): the
 * same rules keep a tool correct there too.
 *
 * <p><b>Never ask for secrets in a form</b> (passwords, tokens, API keys): the protocol requires URL mode
 * for those, so the secret does not pass through the client.
 */
@Experimental(since = "0.1.0")
public interface Elicitation {

    /** No elicitation: the client declared none. {@code form} and {@code url} throw. */
    Elicitation UNSUPPORTED = new Elicitation() {
        @Override
        public boolean supportsForm() {
            return false;
        }

        @Override
        public boolean supportsUrl() {
            return false;
        }

        @Override
        public ElicitationResult form(String message, JsonObject requestedSchema) throws ToolException {
            throw unsupported("form");
        }

        @Override
        public ElicitationResult url(String message, String url) throws ToolException {
            throw unsupported("URL");
        }
    };

    /** Whether the client can show a form ({@link #form}). */
    boolean supportsForm();

    /** Whether the client can ask the user to open a URL ({@link #url}). */
    boolean supportsUrl();

    /**
     * Asks the user to fill in a form.
     *
     * @param message         tells the user why the input is needed
     * @param requestedSchema a flat JSON Schema object ({@code "type": "object"}) whose properties are
     *                        strings, numbers, integers, booleans or enums, as the protocol allows
     * @return the user's answer
     * @throws ToolException when the client cannot show forms ({@link #supportsForm()} is false) or the
     *                       client failed the request
     */
    ElicitationResult form(String message, JsonObject requestedSchema) throws ToolException;

    /**
     * Asks the user to open a URL for an interaction that must not pass through the client (a login, a
     * consent, entering a secret). {@link ElicitationResult.Action#ACCEPT} means the user agreed to open
     * it, not that the interaction finished. With 2025-11-25 clients this ends the call with
     * {@code URLElicitationRequiredError}; the client retries the call once the user is done, so the
     * handler must first check whether the interaction already completed.
     *
     * @param message tells the user why they should open the URL
     * @param url     an absolute URL, normally {@code https}
     * @throws ToolException when the client cannot show URLs ({@link #supportsUrl()} is false)
     */
    ElicitationResult url(String message, String url) throws ToolException;

    /** The exception {@link #UNSUPPORTED} throws: tells the model the client cannot show the request. */
    static ToolException unsupported(String mode) {
        return new ToolException(ToolException.Kind.UNAVAILABLE, "The MCP client cannot show " + mode
                + " elicitation requests (it did not declare that capability). Ask the user in the conversation"
                + " instead, or give them the information as text.");
    }
}
