package dev.ncmcp.server.mcp;

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
 */
public record McpSettings(String serverName,
                          String serverVersion,
                          String instructions,
                          List<String> allowedOrigins,
                          List<String> allowedHosts,
                          long listTtlMs,
                          long readTtlMs,
                          int pageSize,
                          long maxRequestBytes) {
    public static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");
    public static final List<String> LOCAL_ORIGINS = List.of("http://localhost", "https://localhost",
            "http://127.0.0.1", "https://127.0.0.1", "http://[::1]", "https://[::1]");
    public static final long DEFAULT_LIST_TTL_MS = 300_000;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

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
    }

    /** Defaults: local origins and hosts only, lists fresh for 5 minutes, reads never, 50 per page, 4 MiB. */
    public static McpSettings defaults(String serverName, String serverVersion) {
        return new McpSettings(serverName, serverVersion, null, LOCAL_ORIGINS, LOCAL_HOSTS,
                DEFAULT_LIST_TTL_MS, 0, DEFAULT_PAGE_SIZE, DEFAULT_MAX_REQUEST_BYTES);
    }

    public McpSettings withInstructions(String text) {
        return new McpSettings(serverName, serverVersion, text, allowedOrigins, allowedHosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes);
    }

    public McpSettings withAllowedOrigins(List<String> origins) {
        return new McpSettings(serverName, serverVersion, instructions, origins, allowedHosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes);
    }

    public McpSettings withAllowedHosts(List<String> hosts) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, hosts, listTtlMs, readTtlMs,
                pageSize, maxRequestBytes);
    }

    public McpSettings withPageSize(int size) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, size, maxRequestBytes);
    }

    public McpSettings withTtl(long listMs, long readMs) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listMs, readMs,
                pageSize, maxRequestBytes);
    }

    public McpSettings withMaxRequestBytes(long bytes) {
        return new McpSettings(serverName, serverVersion, instructions, allowedOrigins, allowedHosts, listTtlMs,
                readTtlMs, pageSize, bytes);
    }
}
