package dev.ncmcp.server.protocol;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the MCP endpoint.
 *
 * @param serverName       reported as {@code serverInfo.name}
 * @param serverVersion    reported as {@code serverInfo.version}
 * @param instructions     guidance for models, sent by {@code server/discover} and {@code initialize}; may be null
 * @param allowedOrigins   browser origins allowed to call ({@code scheme://host[:port]}; without a port any port
 *                         matches); {@code *} disables the check
 * @param allowedHosts     values of the {@code Host} header accepted ({@code host} matches any port,
 *                         {@code host:port} only that port); {@code *} disables the check
 * @param listTtlMs        {@code ttlMs} of {@code tools/list}, {@code prompts/list}, {@code resources/list},
 *                         {@code resources/templates/list} and {@code server/discover}
 * @param readTtlMs        {@code ttlMs} of {@code resources/read}
 * @param pageSize         items per page of list results
 * @param maxRequestBytes  largest request body accepted; larger bodies get HTTP 413
 * @param stateKey         HMAC-SHA256 key (at least 32 bytes) sealing what the server hands to clients and
 *                         reads back: the 2026-07-28 {@code requestState} of elicitations and the legacy
 *                         {@code Mcp-Session-Id} (which carries the client's capabilities). The default is a
 *                         random key per process, which is right for one replica; several replicas behind a
 *                         load balancer must share one key (config {@code mcp.state.key}), or a retry or a
 *                         legacy request reaching another replica loses its state (-32602 / no capabilities).
 *                         Changing the key invalidates outstanding state. Copied in and out.
 */
public record McpSettings(String serverName,
                          String serverVersion,
                          String instructions,
                          List<String> allowedOrigins,
                          List<String> allowedHosts,
                          long listTtlMs,
                          long readTtlMs,
                          int pageSize,
                          long maxRequestBytes,
                          byte[] stateKey) {
    public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");
    public static final List<String> LOCAL_ORIGINS = List.of("http://localhost", "https://localhost",
            "http://127.0.0.1", "https://127.0.0.1", "http://[::1]", "https://[::1]");
    public static final long DEFAULT_LIST_TTL_MS = 300_000;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    public static final int MIN_STATE_KEY_BYTES = 32;

    public McpSettings {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(serverVersion, "serverVersion");
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        if (listTtlMs < 0 || readTtlMs < 0) {
            throw new IllegalArgumentException("ttlMs must be >= 0");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be >= 1, was " + maxRequestBytes);
        }
        Objects.requireNonNull(stateKey, "stateKey");
        if (stateKey.length < MIN_STATE_KEY_BYTES) {
            throw new IllegalArgumentException("stateKey must have at least " + MIN_STATE_KEY_BYTES + " bytes, had "
                    + stateKey.length);
        }
        stateKey = stateKey.clone();
    }

    /** A copy of the state key. */
    @Override
    public byte[] stateKey() {
        return stateKey.clone();
    }

    /** A new random state key (32 bytes), the default: fine for a single replica. */
    public static byte[] randomStateKey() {
        byte[] key = new byte[MIN_STATE_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof McpSettings that && serverName.equals(that.serverName)
                && serverVersion.equals(that.serverVersion) && Objects.equals(instructions, that.instructions)
                && allowedOrigins.equals(that.allowedOrigins) && allowedHosts.equals(that.allowedHosts)
                && listTtlMs == that.listTtlMs && readTtlMs == that.readTtlMs && pageSize == that.pageSize
                && maxRequestBytes == that.maxRequestBytes && Arrays.equals(stateKey, that.stateKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, pageSize, maxRequestBytes, Arrays.hashCode(stateKey));
    }

    /** Never shows the state key. */
    @Override
    public String toString() {
        return "McpSettings[serverName=" + serverName + ", serverVersion=" + serverVersion + ", allowedOrigins="
                + allowedOrigins + ", allowedHosts=" + allowedHosts + ", listTtlMs=" + listTtlMs + ", readTtlMs="
                + readTtlMs + ", pageSize=" + pageSize + ", maxRequestBytes=" + maxRequestBytes + "]";
    }

    /**
     * Defaults: local origins and hosts only, lists fresh for 5 minutes, reads never, 50 per page, 4 MiB, a random
     * state key.
     */
    public static McpSettings defaults(String serverName, String serverVersion) {
        return new McpSettings(serverName, serverVersion, null, LOCAL_ORIGINS, LOCAL_HOSTS,
                DEFAULT_LIST_TTL_MS, 0, DEFAULT_PAGE_SIZE, DEFAULT_MAX_REQUEST_BYTES, randomStateKey());
    }

    public McpSettings withInstructions(String text) {
        return new McpSettings(serverName, serverVersion, text, allowedOrigins, allowedHosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes, stateKey);
    }

    public McpSettings withAllowedOrigins(List<String> origins) {
        return new McpSettings(serverName, serverVersion, instructions, origins, allowedHosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes, stateKey);
    }

    public McpSettings withAllowedHosts(List<String> hosts) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, hosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes, stateKey);
    }

    public McpSettings withPageSize(int size) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, size, maxRequestBytes, stateKey);
    }

    public McpSettings withTtl(long listMs, long readMs) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listMs, readMs,
                pageSize, maxRequestBytes, stateKey);
    }

    public McpSettings withMaxRequestBytes(long bytes) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, pageSize, bytes, stateKey);
    }

    /** The same settings with another state key (at least 32 bytes); replicas must share one. */
    public McpSettings withStateKey(byte[] key) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, pageSize, maxRequestBytes, key);
    }
}
