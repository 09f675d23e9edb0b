package dev.ncmcp.server.features;

import dev.ncmcp.server.protocol.Era;
import dev.ncmcp.server.protocol.JsonRpc;
import dev.ncmcp.server.protocol.Jsons;
import dev.ncmcp.server.protocol.McpError;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.protocol.ProtocolVersions;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Methods about the connection rather than features: initialize, ping, server/discover, subscriptions/listen. */
final class Lifecycle {
    private final McpSettings settings;

    Lifecycle(McpSettings settings) {
        this.settings = settings;
    }

    /** Legacy handshake: echo a supported legacy version, else offer the latest legacy one. No session is created. */
    JsonObject initialize(RequestContext context, JsonObject params) throws McpError {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            throw McpError.invalidParams("initialize: \"protocolVersion\" must be a string");
        }
        String version = ProtocolVersions.isLegacy(requested.getString())
                ? requested.getString() : ProtocolVersions.LATEST_LEGACY;
        JsonObjectBuilder result = Jsons.object()
                .add("protocolVersion", version)
                .add("capabilities", capabilities())
                .add("serverInfo", Era.serverInfo(settings));
        if (settings.instructions() != null) {
            result.add("instructions", settings.instructions());
        }
        return result.build();
    }

    JsonObject ping(RequestContext context, JsonObject params) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    JsonObject discover(RequestContext context, JsonObject params) {
        JsonObjectBuilder result = Jsons.object()
                .add("supportedVersions", Jsons.array(ProtocolVersions.SUPPORTED))
                .add("capabilities", capabilities());
        if (settings.instructions() != null) {
            result.add("instructions", settings.instructions());
        }
        return result.build();
    }

    /**
     * We advertise neither {@code listChanged} nor {@code subscribe}: tools, resources and prompts only
     * change when the sidecar restarts. The subscriptions pattern says the acknowledgement "reflects the
     * subset the server agreed to honor" and omits unsupported types, so we acknowledge with an empty
     * filter — a valid answer every client understands, unlike -32601 which would read as "not a modern
     * server" to a probing client. Since nothing would ever arrive on the stream, we then complete the
     * listen request at once instead of holding a connection open on one replica.
     */
    JsonObject listen(RequestContext context, JsonObject params) throws McpError {
        JsonValue notifications = params.get("notifications");
        if (notifications != null && !(notifications instanceof JsonObject)) {
            throw McpError.invalidParams("subscriptions/listen: \"notifications\" must be an object");
        }
        JsonObject meta = Jsons.object().add(ProtocolVersions.META_SUBSCRIPTION_ID, context.request().id()).build();
        context.channel().notify(JsonRpc.notification("notifications/subscriptions/acknowledged",
                Jsons.object().add("_meta", meta).add("notifications", JsonValue.EMPTY_JSON_OBJECT).build()));
        return Jsons.object().add("_meta", meta).build();
    }

    private static JsonObject capabilities() {
        return Jsons.object()
                .add("tools", JsonValue.EMPTY_JSON_OBJECT)
                .add("resources", JsonValue.EMPTY_JSON_OBJECT)
                .add("prompts", JsonValue.EMPTY_JSON_OBJECT)
                .build();
    }
}
