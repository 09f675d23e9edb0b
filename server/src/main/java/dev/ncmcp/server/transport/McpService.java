package dev.ncmcp.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

import dev.ncmcp.server.elicitation.Elicitations;
import dev.ncmcp.server.elicitation.ServerRequests;
import dev.ncmcp.server.features.Dispatcher;
import dev.ncmcp.server.features.InsufficientScopeException;
import dev.ncmcp.server.features.RequestContext;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.Era;
import dev.ncmcp.server.protocol.JsonRpc;
import dev.ncmcp.server.protocol.LegacySession;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpHeaders;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.protocol.Message;
import dev.ncmcp.server.protocol.Sealer;
import dev.ncmcp.server.protocol.VersionSelector;
import dev.ncmcp.server.security.Challenge;
import dev.ncmcp.server.security.Challenges;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The MCP endpoint (Streamable HTTP, POST only, stateless): transport checks in front — content type,
 * size, JSON-RPC shape, {@code Accept}, era and request metadata — then the {@link Dispatcher}, with the caller
 * {@link BearerAuthFeature} resolved. Serves 2026-07-28 clients and, on the same endpoint, clients of 2025-03-26 to
 * 2025-11-25 that start with {@code initialize}. No session state is kept; a session id is never required.
 *
 * <p>One exception to "any replica answers any request": a legacy client's answer to a form elicitation
 * (a JSON-RPC response POSTed while the {@code tools/call} waits on its SSE stream) must reach the replica
 * that sent the request — several replicas need sticky sessions on {@code Mcp-Session-Id} for it. 2026-07-28
 * elicitation (MRTR) and legacy URL elicitation are stateless.
 */
public final class McpService implements HttpService {
    private static final System.Logger LOG = System.getLogger(McpService.class.getName());
    private static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    private static final HeaderName METHOD = HeaderNames.create("Mcp-Method");
    private static final HeaderName NAME = HeaderNames.create("Mcp-Name");
    /**
     * Legacy clients get a session id on {@code initialize}, because some of them only behave fully with one
     * (2025-11-25 lets a server assign it). It carries, sealed, the negotiated version and the client's
     * elicitation capability ({@link LegacySession}); nothing is stored under it and it is never required, so
     * any replica sharing the state key still answers any request.
     */
    private static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");

    /** The {@code method} tag of requests for methods this server does not know (keeps the series bounded). */
    static final String OTHER_METHOD = "other";

    private final McpSettings settings;
    private final Dispatcher dispatcher;
    private final Challenges challenges;
    private final CallMetrics metrics;
    private final Sealer sealer;
    private final ServerRequests serverRequests = new ServerRequests();

    /**
     * @param nextcloud  gives the features a Nextcloud client acting as the caller
     * @param challenges words the 403 of a call whose caller lacks a scope
     * @param metrics    meters, e.g. in Helidon's global registry ({@code /observe/metrics})
     * @param audit      one line per tool call
     */
    public McpService(McpSettings settings, PluginRegistry registry, NextcloudAccess nextcloud, Challenges challenges,
                      CallMetrics metrics, AuditLog audit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sealer = new Sealer(settings.stateKey());
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.dispatcher = new Dispatcher(settings, Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(nextcloud, "nextcloud"), new Elicitations(sealer, serverRequests), metrics,
                Objects.requireNonNull(audit, "audit"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(this::handlePost)
                .any(this::methodNotAllowed);
    }

    /** GET (standalone stream) and DELETE (session end) belong to earlier revisions; we offer neither. */
    private void methodNotAllowed(ServerRequest req, ServerResponse res) {
        res.status(Status.METHOD_NOT_ALLOWED_405)
                .header(HeaderNames.ALLOW, "POST")
                .send();
    }

    private void handlePost(ServerRequest req, ServerResponse res) {
        String requestId = newRequestId();
        JsonValue id = JsonValue.NULL;
        Era era = Era.MODERN;
        ResponseChannel channel = null;
        try {
            requireJsonContentType(req);
            Message message = JsonRpc.parse(readBody(req));
            McpHeaders headers = new McpHeaders(req.headers().first(PROTOCOL_VERSION), req.headers().first(METHOD),
                    req.headers().first(NAME));
            switch (message) {
                case Message.Notification ignored -> {
                    // notifications/initialized and friends: accepted, nothing to do in a stateless server
                    res.status(Status.ACCEPTED_202).send();
                    return;
                }
                case Message.ClientResponse response -> {
                    // 2026-07-28 has no server-to-client requests (MRTR instead)
                    if (headers.modern()) {
                        throw McpError.invalidRequest("clients must not send JSON-RPC responses");
                    }
                    // a legacy client answering an elicitation request; a response to nothing is accepted too
                    serverRequests.complete(response.id(), response.message());
                    res.status(Status.ACCEPTED_202).send();
                    return;
                }
                case Message.Request request -> {
                    id = request.id();
                    metrics.request(dispatcher.knows(request.method()) ? request.method() : OTHER_METHOD);
                    VersionSelector.Selection selection = VersionSelector.select(request, headers);
                    era = selection.era();
                    AcceptHeader accept = AcceptHeader.of(req.headers());
                    if (!accept.json()) {
                        throw McpError.invalidRequest("Not Acceptable: the client must accept application/json",
                                Status.NOT_ACCEPTABLE_406);
                    }
                    channel = new ResponseChannel(res, accept.eventStream());
                    LegacySession session = era == Era.LEGACY
                            ? LegacySession.read(sealer, req.headers().first(SESSION_ID).orElse(null))
                            : LegacySession.NONE;
                    RequestContext context = new RequestContext(request, era, selection.version(), requestId,
                            channel, BearerAuthFeature.caller(req), session);
                    JsonObject result = dispatcher.dispatch(context);
                    if (era == Era.LEGACY && "initialize".equals(request.method())) {
                        res.header(SESSION_ID, LegacySession.mint(sealer, result.getString("protocolVersion"),
                                request.params().get("capabilities")));
                    }
                    channel.finish(JsonRpc.result(id, result), Status.OK_200);
                }
            }
        } catch (McpError e) {
            answer(res, channel, era.status(e), JsonRpc.error(id, e));
        } catch (InsufficientScopeException e) {
            Challenge challenge = challenges.insufficientScope(e.requiredScopes());
            if (channel == null || !channel.streaming()) {
                Replies.challengeHeaders(res, challenge);
            }
            answer(res, channel, challenge.status(), JsonRpc.error(id, Replies.refused(challenge)));
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "MCP request failed (request id " + requestId + ")", e);
            McpError error = McpError.internal(requestId);
            if (channel != null || !res.isSent()) {
                answer(res, channel, error.status(), JsonRpc.error(id, error));
            }
        }
    }

    /** The final answer: on the request's channel once there is one (it may be streaming), else as plain JSON. */
    private static void answer(ServerResponse res, ResponseChannel channel, Status status, JsonObject body) {
        if (channel != null) {
            channel.finish(body, status);
        } else {
            Replies.json(res, status, body);
        }
    }

    private static void requireJsonContentType(ServerRequest req) throws McpError {
        boolean json = req.headers().contentType()
                .map(HttpMediaType::mediaType)
                .filter(type -> "application".equalsIgnoreCase(type.type()) && "json".equalsIgnoreCase(type.subtype()))
                .isPresent();
        if (!json) {
            throw McpError.invalidRequest("Unsupported Media Type: the body must be application/json",
                    Status.UNSUPPORTED_MEDIA_TYPE_415);
        }
    }

    private byte[] readBody(ServerRequest req) throws McpError {
        long limit = settings.maxRequestBytes();
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException | UncheckedIOException e) {
            throw McpError.invalidRequest("the request body could not be read");
        } catch (IllegalStateException e) {
            // Helidon's own payload limit, or a body that cannot be read as a stream
            throw tooLarge(limit);
        }
    }

    private static McpError tooLarge(long limit) {
        return McpError.invalidRequest("Request body larger than " + limit + " bytes",
                Status.REQUEST_ENTITY_TOO_LARGE_413);
    }

    private static String newRequestId() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
