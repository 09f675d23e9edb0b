package dev.ncmcp.server.transport;

import java.lang.System.Logger.Level;
import java.util.concurrent.locks.ReentrantLock;

import dev.ncmcp.server.protocol.RequestChannel;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import jakarta.json.JsonObject;

/**
 * Where the answer to one request goes: a single {@code application/json} body, or — as soon as the
 * first request-scoped notification (progress, acknowledgement) is sent — an SSE stream that carries the
 * notifications and then the final response. A write that fails means the client went away, which the
 * transport defines as cancellation.
 */
final class ResponseChannel implements RequestChannel {
    private static final System.Logger LOG = System.getLogger(ResponseChannel.class.getName());
    private static final long PROBE_INTERVAL_NANOS = 250_000_000L;

    private final ServerResponse response;
    private final boolean streamAllowed;
    private final ReentrantLock lock = new ReentrantLock();
    private SseSink sink;
    private volatile boolean disconnected;
    private long lastWrite;

    ResponseChannel(ServerResponse response, boolean streamAllowed) {
        this.response = response;
        this.streamAllowed = streamAllowed;
    }

    /**
     * Sends a notification related to the request, opening the SSE stream if needed.
     *
     * @return false when the client cannot receive it (no {@code text/event-stream} accepted, or gone)
     */
    @Override
    public boolean notify(JsonObject notification) {
        if (!streamAllowed || disconnected) {
            return false;
        }
        lock.lock();
        try {
            if (sink == null) {
                response.header(HeaderValues.create(HeaderNames.create("X-Accel-Buffering"), "no"));
                response.header(HeaderNames.CACHE_CONTROL, "no-cache");
                sink = response.sink(SseSink.TYPE);
            }
            return emit(SseEvent.builder().name("message").data(notification.toString()).build());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the client went away. While streaming, probes the connection with an SSE comment at most
     * every 250 ms, so a long-running tool polling this learns about a disconnect.
     */
    @Override
    public boolean cancelled() {
        if (disconnected || sink == null) {
            return disconnected;
        }
        if (System.nanoTime() - lastWrite > PROBE_INTERVAL_NANOS && lock.tryLock()) {
            try {
                emit(SseEvent.builder().comment("").build());
            } finally {
                lock.unlock();
            }
        }
        return disconnected;
    }

    /** Whether the client accepts {@code text/event-stream}, so server messages can precede the response. */
    @Override
    public boolean streamAllowed() {
        return streamAllowed;
    }

    boolean streaming() {
        return sink != null;
    }

    /** Sends the final message: the last SSE event (then closes the stream), or the JSON body. */
    void finish(JsonObject message, Status status) {
        lock.lock();
        try {
            if (sink != null) {
                if (!disconnected) {
                    emit(SseEvent.builder().name("message").data(message.toString()).build());
                }
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "closing SSE stream failed", e);
                }
                return;
            }
            Replies.json(response, status, message);
        } finally {
            lock.unlock();
        }
    }

    private boolean emit(SseEvent event) {
        try {
            sink.emit(event);
            lastWrite = System.nanoTime();
            return true;
        } catch (RuntimeException e) {
            disconnected = true;
            LOG.log(Level.DEBUG, "SSE client went away: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
