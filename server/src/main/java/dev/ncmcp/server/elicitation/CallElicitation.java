package dev.ncmcp.server.elicitation;

import java.util.Set;

import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The {@link Elicitation} one tool call sees, and what the call answers instead of a result when it was suspended. */
public interface CallElicitation extends Elicitation {
    String METHOD = "elicitation/create";

    /** A call whose client declared no elicitation. */
    CallElicitation NONE = new CallElicitation() {
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
            return Elicitation.UNSUPPORTED.form(message, requestedSchema);
        }

        @Override
        public ElicitationResult url(String message, String url) throws ToolException {
            return Elicitation.UNSUPPORTED.url(message, url);
        }

        @Override
        public JsonObject interruption() {
            return null;
        }
    };

    /**
     * After the handler returned or threw: the result that replaces its outcome because it asked for input
     * ({@code input_required}), or null when it was not suspended.
     *
     * @throws McpError when the call must end with a JSON-RPC error instead (legacy URL elicitation, -32042)
     */
    JsonObject interruption() throws McpError;

    /** The modes an {@code elicitation} capability declares: {@code {}} means form only. Empty when absent. */
    static Set<String> modes(JsonValue capability) {
        if (!(capability instanceof JsonObject declared)) {
            return Set.of();
        }
        boolean form = declared.containsKey("form");
        boolean url = declared.containsKey("url");
        if (!form && !url) {
            return Set.of("form");
        }
        return form && url ? Set.of("form", "url") : Set.of(form ? "form" : "url");
    }

    /**
     * Reads an {@code ElicitResult}; null when it is not one (no valid {@code action}, or a {@code content}
     * that is not an object).
     */
    static ElicitationResult parseResult(JsonValue value) {
        if (!(value instanceof JsonObject result) || !(result.get("action") instanceof JsonString action)) {
            return null;
        }
        JsonValue content = result.get("content");
        if (content != null && content != JsonValue.NULL && !(content instanceof JsonObject)) {
            return null;
        }
        JsonObject values = content instanceof JsonObject object ? object : null;
        return switch (action.getString()) {
            case "accept" -> new ElicitationResult(ElicitationResult.Action.ACCEPT, values);
            case "decline" -> new ElicitationResult(ElicitationResult.Action.DECLINE, values);
            case "cancel" -> new ElicitationResult(ElicitationResult.Action.CANCEL, values);
            default -> null;
        };
    }
}
