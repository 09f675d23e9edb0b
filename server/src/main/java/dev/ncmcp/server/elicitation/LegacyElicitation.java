package dev.ncmcp.server.elicitation;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ncmcp.server.protocol.JsonRpc;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.ToolException;
import io.helidon.http.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Elicitation for 2025-06-18 and 2025-11-25 clients, the way those revisions define it, with the
 * capabilities the client declared at {@code initialize} (carried in the session id,
 * {@link dev.ncmcp.server.protocol.LegacySession}).
 *
 * <ul>
 *   <li><b>Form</b>: the server sends {@code elicitation/create} as a JSON-RPC request on the
 *       {@code tools/call}'s SSE response stream and blocks (a virtual thread) until the client POSTs the
 *       response ({@link ServerRequests}), the client goes away, or {@link #TIMEOUT} passes — the last two
 *       read as {@code cancel}. The response must reach <em>this</em> replica: with several replicas, legacy
 *       form elicitation needs sticky sessions (on {@code Mcp-Session-Id}); nothing else does.</li>
 *   <li><b>URL</b> (2025-11-25 only): the call ends with {@code URLElicitationRequiredError} (-32042) listing
 *       the URL; the client retries the call after the user is done. Stateless.</li>
 * </ul>
 */
final class LegacyElicitation implements CallElicitation {
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final int URL_ELICITATION_REQUIRED = -32042;
    private static final long POLL_MILLIS = 1000;

    private final CallContext call;
    private final ServerRequests requests;
    private final boolean form;
    private final boolean url;
    private final boolean sendMode;
    private final Duration timeout;
    private JsonObject urlRequired;

    LegacyElicitation(CallContext call, ServerRequests requests, Duration timeout) {
        this.call = call;
        this.requests = requests;
        this.timeout = timeout;
        String version = call.protocolVersion();
        boolean elicitationVersion = "2025-06-18".equals(version) || "2025-11-25".equals(version);
        Set<String> modes = elicitationVersion
                ? CallElicitation.modes(call.session().capabilities().get("elicitation")) : Set.of();
        this.form = modes.contains("form") && call.channel().streamAllowed();
        this.url = modes.contains("url") && "2025-11-25".equals(version);
        this.sendMode = "2025-11-25".equals(version);
    }

    @Override
    public boolean supportsForm() {
        return form;
    }

    @Override
    public boolean supportsUrl() {
        return url;
    }

    @Override
    public ElicitationResult form(String message, JsonObject requestedSchema) throws ToolException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestedSchema, "requestedSchema");
        if (!form) {
            throw Elicitation.unsupported("form");
        }
        if (urlRequired != null) {
            throw new ElicitationSuspended();
        }
        JsonObjectBuilder params = Jsons.object();
        if (sendMode) {
            params.add("mode", "form");
        }
        params.add("message", message).add("requestedSchema", requestedSchema);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        String id = requests.register(answer);
        try {
            JsonObject request = Jsons.object().add("jsonrpc", JsonRpc.VERSION).add("id", id)
                    .add("method", METHOD).add("params", params).build();
            if (!call.channel().notify(request)) {
                return ElicitationResult.cancel();
            }
            return await(answer);
        } finally {
            requests.forget(id);
        }
    }

    private ElicitationResult await(CompletableFuture<JsonObject> answer) throws ToolException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject response;
            try {
                response = answer.get(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (call.channel().cancelled() || System.nanoTime() - deadline >= 0) {
                    return ElicitationResult.cancel();
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ElicitationResult.cancel();
            } catch (ExecutionException e) {
                return ElicitationResult.cancel();
            }
            if (response.get("error") instanceof JsonObject error) {
                throw new ToolException(ToolException.Kind.UNAVAILABLE, "The MCP client did not show the "
                        + "elicitation request: " + Jsons.optString(error, "message"));
            }
            ElicitationResult result = CallElicitation.parseResult(response.get("result"));
            if (result == null) {
                throw new ToolException(ToolException.Kind.UNAVAILABLE,
                        "The MCP client answered the elicitation request with an invalid result");
            }
            return result;
        }
    }

    @Override
    public ElicitationResult url(String message, String target) throws ToolException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(target, "url");
        if (!url) {
            throw Elicitation.unsupported("URL");
        }
        if (urlRequired == null) {
            urlRequired = Jsons.object().add("mode", "url").add("elicitationId", UUID.randomUUID().toString())
                    .add("url", target).add("message", message).build();
        }
        throw new ElicitationSuspended();
    }

    @Override
    public JsonObject interruption() throws McpError {
        if (urlRequired == null) {
            return null;
        }
        JsonObject data = Jsons.object().add("elicitations", Jsons.array().add(urlRequired)).build();
        throw new McpError(URL_ELICITATION_REQUIRED, "This request requires more information.", data, Status.OK_200);
    }
}
