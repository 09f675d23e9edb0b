package dev.ncmcp.server.features;

import dev.ncmcp.server.protocol.JsonRpc;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.RequestChannel;
import dev.ncmcp.spi.ProgressReporter;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Turns a tool's progress reports into {@code notifications/progress}; drops values that do not increase. */
final class ProgressNotifier implements ProgressReporter {
    private final JsonValue token;
    private final RequestChannel channel;
    private double last = Double.NEGATIVE_INFINITY;

    ProgressNotifier(JsonValue token, RequestChannel channel) {
        this.token = token;
        this.channel = channel;
    }

    @Override
    public synchronized void report(double progress, Double total, String message) {
        if (Double.isNaN(progress) || Double.isInfinite(progress) || progress <= last) {
            return; // progress MUST increase with each notification
        }
        last = progress;
        JsonObjectBuilder params = Jsons.object().add("progressToken", token);
        addNumber(params, "progress", progress);
        if (total != null && !total.isNaN() && !total.isInfinite()) {
            addNumber(params, "total", total);
        }
        if (message != null) {
            params.add("message", message);
        }
        channel.notify(JsonRpc.notification("notifications/progress", params.build()));
    }

    private static void addNumber(JsonObjectBuilder builder, String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            builder.add(key, (long) value);
        } else {
            builder.add(key, value);
        }
    }
}
