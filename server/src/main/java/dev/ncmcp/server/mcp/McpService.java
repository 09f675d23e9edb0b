package dev.ncmcp.server.mcp;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.observe.AuditLog;
import dev.ncmcp.server.observe.CallMetrics;
import dev.ncmcp.server.security.CallerResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.security.InsufficientScopeException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
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
 * size, JSON-RPC shape, {@code Accept}, era and request metadata — then the {@link Dispatcher}. Serves
 * 2026-07-28 clients and, on the same endpoint, clients of 2025-03-26 to 2025-11-25 that start with
 * {@code initialize}. No session state is kept; a session id is never required.
 *
 * <p>One exception to "any replica answers any request": a legacy client's answer to a form elicitation
 * (a JSON-RPC response POSTed while the {@code tools/call} waits on its SSE stream) must reach the replica
 * that sent the request — several replicas need sticky sessions on {@code Mcp-Session-Id} for it. 2026-07-28
 * elicitation (MRTR) and legacy URL elicitation are stateless.
 */
public final class McpService implements HttpService {
    private static final System.Logger LOG = System.getLogger(McpService.class.getName());
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
    private final CallMetrics metrics;
    private final CallerResolver callers;
    private final NextcloudAccess nextcloud;
    private final Sealer sealer;
    private final ServerRequests serverRequests = new ServerRequests();

    /** Meters in Helidon's global registry ({@code /observe/metrics}), audit lines on {@value AuditLog#LOGGER}. */
    public McpService(McpSettings settings, PluginRegistry registry, CallerResolver callers, NextcloudAccess nextcloud) {
        this(settings, registry, callers, nextcloud, CallMetrics.global(), new AuditLog());
    }

    public McpService(McpSettings settings, PluginRegistry registry, CallerResolver callers, NextcloudAccess nextcloud,
                      CallMetrics metrics, AuditLog audit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sealer = new Sealer(settings.stateKey());
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.dispatcher = new Dispatcher(settings, Objects.requireNonNull(registry, "registry"),
                new Elicitations(sealer, serverRequests), new AppAvailability(registry), metrics,
                Objects.requireNonNull(audit, "audit"));
        this.callers = Objects.requireNonNull(callers, "callers");
        this.nextcloud = Objects.requireNonNull(nextcloud, "nextcloud");
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
            switch (message) {
                case Message.Notification ignored -> {
                    // notifications/initialized and friends: accepted, nothing to do in a stateless server
                    res.status(Status.ACCEPTED_202).send();
                    return;
                }
                case Message.ClientResponse response -> {
                    // 2026-07-28 has no server-to-client requests (MRTR instead)
                    if (req.headers().first(VersionSelector.PROTOCOL_VERSION)
                            .filter(ProtocolVersions.MODERN::equals).isPresent()) {
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
                    VersionSelector.Selection selection = VersionSelector.select(request, req.headers());
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
                            channel, () -> callers.resolve(req), req, nextcloud, session);
                    JsonObject result = dispatcher.dispatch(context);
                    if (era == Era.LEGACY && "initialize".equals(request.method())) {
                        res.header(SESSION_ID, LegacySession.mint(sealer, result.getString("protocolVersion"),
                                request.params().get("capabilities")));
                    }
                    channel.finish(JsonRpc.result(id, result), Status.OK_200);
                }
            }
        } catch (McpError e) {
            JsonObject body = JsonRpc.error(id, e);
            if (channel != null) {
                channel.finish(body, era.status(e));
            } else {
                sendJson(res, era.status(e), body);
            }
        } catch (RequestContext.ForeignFailure e) {
            throw e.original();
        } catch (InsufficientScopeException e) {
            throw e.forRequest(id);
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "MCP request failed (request id " + requestId + ")", e);
            McpError error = McpError.internal(requestId);
            if (channel != null) {
                channel.finish(JsonRpc.error(id, error), error.status());
            } else if (!res.isSent()) {
                sendJson(res, error.status(), JsonRpc.error(id, error));
            }
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

    static void sendJson(ServerResponse res, Status status, JsonObject body) {
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Jsons.bytes(body));
    }

    private static String newRequestId() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
