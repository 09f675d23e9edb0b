package dev.ncmcp.spi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * The user's answer to an {@link Elicitation}.
 *
 * @param action  what the user did
 * @param content for an accepted form, the submitted values (keys of the requested schema's properties);
 *                otherwise — declined, cancelled, or a URL elicitation — an empty object. Never null. The
 *                values come from the client: validate them like arguments.
 */
@Experimental(since = "0.1.0")
public record ElicitationResult(Action action, JsonObject content) {

    /** The three answers the protocol defines. */
    public enum Action {
        /**
         * The user submitted the form, or (URL mode) agreed to open the URL. For URL mode this is consent,
         * not completion: the interaction happens out of band and the tool must find out itself whether
         * it finished.
         */
        ACCEPT,
        /** The user explicitly refused. */
        DECLINE,
        /** The user dismissed the request without choosing, or the client went away or timed out. */
        CANCEL
    }

    public ElicitationResult {
        Objects.requireNonNull(action, "action");
        content = content == null ? JsonValue.EMPTY_JSON_OBJECT : content;
    }

    public static ElicitationResult accept(JsonObject content) {
        return new ElicitationResult(Action.ACCEPT, content);
    }

    public static ElicitationResult decline() {
        return new ElicitationResult(Action.DECLINE, null);
    }

    public static ElicitationResult cancel() {
        return new ElicitationResult(Action.CANCEL, null);
    }

    public boolean accepted() {
        return action == Action.ACCEPT;
    }
}
