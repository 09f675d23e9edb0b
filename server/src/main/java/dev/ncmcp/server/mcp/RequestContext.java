package dev.ncmcp.server.mcp;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import java.util.Set;
import java.util.function.Supplier;

import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ProgressReporter;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Everything a method handler may use for one request, built by the transport after the Origin/Host,
 * size, {@code Accept} and header checks.
 */
final class RequestContext {
    private final Message.Request request;
    private final Era era;
    private final String protocolVersion;
    private final String requestId;
    private final ResponseChannel channel;
    private final Supplier<Caller> callerSource;
    private final ServerRequest httpRequest;
    private final NextcloudAccess nextcloud;
    private final LegacySession session;
    private Caller caller;

    RequestContext(Message.Request request, Era era, String protocolVersion, String requestId,
                   ResponseChannel channel, Supplier<Caller> callerSource, ServerRequest httpRequest,
                   NextcloudAccess nextcloud) {
        this(request, era, protocolVersion, requestId, channel, callerSource, httpRequest, nextcloud, LegacySession.NONE);
    }

    RequestContext(Message.Request request, Era era, String protocolVersion, String requestId,
                   ResponseChannel channel, Supplier<Caller> callerSource, ServerRequest httpRequest,
                   NextcloudAccess nextcloud, LegacySession session) {
        this.request = request;
        this.era = era;
        this.protocolVersion = protocolVersion;
        this.requestId = requestId;
        this.channel = channel;
        this.callerSource = callerSource;
        this.httpRequest = httpRequest;
        this.nextcloud = nextcloud;
        this.session = session == null ? LegacySession.NONE : session;
    }

    Message.Request request() {
        return request;
    }

    Era era() {
        return era;
    }

    String protocolVersion() {
        return protocolVersion;
    }

    /** Short id that ties a log line to the error a client saw. */
    String requestId() {
        return requestId;
    }

    /** For legacy requests, what the session id carries (verified); {@link LegacySession#NONE} otherwise. */
    LegacySession session() {
        return session;
    }

    ResponseChannel channel() {
        return channel;
    }

    /** The caller, resolved once, on first use. Failures of the resolver pass through the MCP layer unchanged. */
    Caller caller() {
        if (caller == null) {
            try {
                caller = callerSource.get();
            } catch (RuntimeException e) {
                throw new ForeignFailure(e);
            }
            if (caller == null) {
                throw new IllegalStateException("caller resolver returned null");
            }
        }
        return caller;
    }

    /** A Nextcloud client for the caller, created on first use, for an operation needing {@code scopes}. */
    NextcloudClient nextcloud(Set<Scope> scopes) {
        return new LazyNextcloudClient(() -> nextcloud.clientFor(httpRequest, caller(), scopes),
                caller().nextcloudUser());
    }

    /** {@code params._meta.progressToken} when it is a string or an integer, otherwise null. */
    JsonValue progressToken() {
        JsonValue token = request.meta().get("progressToken");
        return token instanceof JsonString || token instanceof JsonNumber n && n.isIntegral() ? token : null;
    }

    /** Reports progress as SSE {@code notifications/progress}, or does nothing when the client asked for none. */
    ProgressReporter progress() {
        JsonValue token = progressToken();
        if (token == null) {
            return ProgressReporter.NONE;
        }
        return new ProgressNotifier(token, channel);
    }

    /** Wraps an exception thrown by code outside the MCP layer (the caller resolver) so it is rethrown as is. */
    static final class ForeignFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForeignFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }
}
