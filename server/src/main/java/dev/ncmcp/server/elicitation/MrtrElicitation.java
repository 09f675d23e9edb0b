package dev.ncmcp.server.elicitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.ProtocolVersions;
import dev.ncmcp.server.protocol.Sealer;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Elicitation for 2026-07-28 clients, as multi round-trip requests (MRTR). The n-th {@code form}/{@code url}
 * of a run has the key {@code elicitation-n}. When its answer is known — from an earlier round, carried in
 * {@code requestState}, or from this retry's {@code inputResponses} — it is returned; otherwise the handler is
 * unwound and the call answers {@code input_required} with that one request and a new sealed
 * {@code requestState}. The client retries with the user's answer and the handler runs again from the start.
 *
 * <p>{@code requestState} is HMAC-sealed with the server's state key and bound to the method, the tool,
 * a digest of the arguments and the caller's subject, and expires after {@link #STATE_TTL}: state that fails
 * any of these is rejected with -32602. Only the answer to the request the state says is pending is taken
 * from {@code inputResponses}; other keys are ignored.
 */
final class MrtrElicitation implements CallElicitation {
    static final String KEY_PREFIX = "elicitation-";
    static final Duration STATE_TTL = Duration.ofHours(1);
    private static final String PURPOSE = "mcp-request-state";

    private final Sealer sealer;
    private final Clock clock;
    private final Set<String> modes;
    private final Supplier<JsonObject> binding;
    private final Map<String, JsonObject> answers;
    private int asked;
    private String pendingKey;
    private JsonObject pendingRequest;

    private MrtrElicitation(Sealer sealer, Clock clock, Set<String> modes, Supplier<JsonObject> binding,
                            Map<String, JsonObject> answers) {
        this.sealer = sealer;
        this.clock = clock;
        this.modes = modes;
        this.binding = binding;
        this.answers = answers;
    }

    /**
     * Reads and checks the retry's {@code requestState} and {@code inputResponses}.
     *
     * @throws McpError -32602 for state that is forged, tampered with, expired or issued for another
     *                  request or caller, and for malformed input responses
     */
    static MrtrElicitation open(Sealer sealer, Clock clock, CallContext call) throws McpError {
        JsonObject params = call.request().params();
        JsonValue capabilities = call.request().meta().get(ProtocolVersions.META_CLIENT_CAPABILITIES);
        Set<String> modes = CallElicitation.modes(capabilities instanceof JsonObject declared
                ? declared.get("elicitation") : null);
        // what the state is bound to; computed only when state is read or issued
        Supplier<JsonObject> binding = new Supplier<>() {
            private JsonObject value;

            @Override
            public JsonObject get() {
                if (value == null) {
                    value = Jsons.object()
                            .add("m", call.request().method())
                            .add("t", call.tool())
                            .add("a", digest(call.arguments()))
                            .add("s", call.subject())
                            .build();
                }
                return value;
            }
        };
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        JsonValue rawState = params.get("requestState");
        JsonValue rawResponses = params.get("inputResponses");
        if (rawResponses != null && rawResponses != JsonValue.NULL && !(rawResponses instanceof JsonObject)) {
            throw McpError.invalidParams("inputResponses must be an object");
        }
        if (rawState != null && rawState != JsonValue.NULL) {
            if (!(rawState instanceof JsonString stateString)) {
                throw McpError.invalidParams("requestState must be a string");
            }
            JsonObject state = sealer.open(PURPOSE, stateString.getString());
            if (state == null) {
                throw McpError.invalidParams("requestState is invalid: it was not issued by this server or was modified");
            }
            JsonObject expected = binding.get();
            for (String field : expected.keySet()) {
                if (!expected.get(field).equals(state.get(field))) {
                    throw McpError.invalidParams("requestState was issued for a different request; "
                            + "retry only with the arguments of the original call");
                }
            }
            if (!(state.get("x") instanceof JsonNumber expiry) || expiry.longValue() < clock.instant().getEpochSecond()) {
                throw McpError.invalidParams("requestState has expired; call the tool again without it");
            }
            if (state.get("r") instanceof JsonObject earlier) {
                earlier.forEach((key, answer) -> answers.put(key, answer.asJsonObject()));
            }
            if (state.get("p") instanceof JsonString pending && rawResponses instanceof JsonObject responses
                    && responses.get(pending.getString()) != null) {
                JsonValue answer = responses.get(pending.getString());
                if (CallElicitation.parseResult(answer) == null) {
                    throw McpError.invalidParams("inputResponses." + pending.getString()
                            + " is not a valid ElicitResult (action must be accept, decline or cancel)");
                }
                answers.put(pending.getString(), answer.asJsonObject());
            }
        }
        return new MrtrElicitation(sealer, clock, modes, binding, answers);
    }

    @Override
    public boolean supportsForm() {
        return modes.contains("form");
    }

    @Override
    public boolean supportsUrl() {
        return modes.contains("url");
    }

    @Override
    public ElicitationResult form(String message, JsonObject requestedSchema) throws ToolException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestedSchema, "requestedSchema");
        if (!supportsForm()) {
            throw Elicitation.unsupported("form");
        }
        return ask(Jsons.object().add("mode", "form").add("message", message)
                .add("requestedSchema", requestedSchema).build());
    }

    @Override
    public ElicitationResult url(String message, String url) throws ToolException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
        if (!supportsUrl()) {
            throw Elicitation.unsupported("URL");
        }
        return ask(Jsons.object().add("mode", "url").add("message", message).add("url", url).build());
    }

    private synchronized ElicitationResult ask(JsonObject params) {
        if (pendingKey != null) {
            throw new ElicitationSuspended();
        }
        String key = KEY_PREFIX + (++asked);
        JsonObject answer = answers.get(key);
        if (answer != null) {
            return CallElicitation.parseResult(answer);
        }
        pendingKey = key;
        pendingRequest = Jsons.object().add("method", METHOD).add("params", params).build();
        throw new ElicitationSuspended();
    }

    /** {@code input_required} with the pending request and the sealed state; never cached (no ttl). */
    @Override
    public synchronized JsonObject interruption() {
        if (pendingKey == null) {
            return null;
        }
        JsonObjectBuilder earlier = Jsons.object();
        answers.forEach(earlier::add);
        JsonObject state = Jsons.object(binding.get())
                .add("x", clock.instant().plus(STATE_TTL).getEpochSecond())
                .add("p", pendingKey)
                .add("r", earlier)
                .build();
        return Jsons.object()
                .add("resultType", "input_required")
                .add("inputRequests", Jsons.object().add(pendingKey, pendingRequest))
                .add("requestState", sealer.seal(PURPOSE, state))
                .build();
    }

    /** SHA-256 of the arguments in a canonical form (object keys sorted), base64url. */
    static String digest(JsonValue arguments) {
        StringBuilder canonical = new StringBuilder();
        canonicalize(arguments, canonical);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void canonicalize(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonObject object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> entry : new TreeMap<>(object).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(Jsons.string(entry.getKey())).append(':');
                    canonicalize(entry.getValue(), out);
                }
                out.append('}');
            }
            case JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    canonicalize(array.get(i), out);
                }
                out.append(']');
            }
            case JsonNumber number -> out.append(number.bigDecimalValue().stripTrailingZeros().toPlainString());
            default -> out.append(value);
        }
    }
}
