package dev.ncmcp.server.protocol;

import io.helidon.http.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The two protocol eras served on one endpoint, each a small codec for what differs: how results are
 * shaped and which HTTP status carries an error.
 */
public enum Era {
    /** 2026-07-28: stateless, per-request {@code _meta}, {@code resultType}, caching hints. */
    MODERN {
        @Override
        public JsonObject shape(JsonObject result, CachePolicy cache, McpSettings settings) {
            JsonObjectBuilder builder = Jsons.object(result);
            if (!result.containsKey("resultType")) {
                builder.add("resultType", "complete");
            }
            JsonObjectBuilder meta = result.get("_meta") instanceof JsonObject existing
                    ? Jsons.object(existing) : Jsons.object();
            meta.add(ProtocolVersions.META_SERVER_INFO, serverInfo(settings));
            builder.add("_meta", meta);
            // only final results carry caching hints; input_required is never cached
            boolean complete = !result.containsKey("resultType")
                    || "complete".equals(Jsons.optString(result, "resultType"));
            switch (complete ? cache : CachePolicy.NONE) {
                case LIST -> builder.add("ttlMs", settings.listTtlMs()).add("cacheScope", "private");
                case READ -> builder.add("ttlMs", settings.readTtlMs()).add("cacheScope", "private");
                case PUBLIC -> builder.add("ttlMs", settings.listTtlMs()).add("cacheScope", "public");
                case NONE -> { }
            }
            return builder.build();
        }

        @Override
        public Status status(McpError error) {
            return error.status();
        }
    },
    /** 2025-03-26 to 2025-11-25: {@code initialize} handshake, results without {@code resultType}. */
    LEGACY {
        @Override
        public JsonObject shape(JsonObject result, CachePolicy cache, McpSettings settings) {
            return result;
        }

        @Override
        public Status status(McpError error) {
            // Legacy clients treat any non-2xx answer to a well-formed request as a transport failure and lose
            // the JSON-RPC error; only malformed messages, bad headers and server faults get an HTTP error.
            return switch (error.code()) {
                case McpError.PARSE_ERROR, McpError.INVALID_REQUEST, McpError.HEADER_MISMATCH,
                     McpError.UNSUPPORTED_PROTOCOL_VERSION -> error.status();
                case McpError.INTERNAL_ERROR -> error.status();
                default -> Status.OK_200;
            };
        }
    };

    /** What a result may be cached for, per the 2026-07-28 caching utility. */
    public enum CachePolicy {
        NONE,
        /** Depends on the caller (filtered by scopes): list TTL, private. */
        LIST,
        /** Depends on the caller: read TTL, private. */
        READ,
        /** Same for every caller: list TTL, public. */
        PUBLIC
    }

    public abstract JsonObject shape(JsonObject result, CachePolicy cache, McpSettings settings);

    public abstract Status status(McpError error);

    public static JsonObject serverInfo(McpSettings settings) {
        return Jsons.object().add("name", settings.serverName()).add("version", settings.serverVersion()).build();
    }
}
