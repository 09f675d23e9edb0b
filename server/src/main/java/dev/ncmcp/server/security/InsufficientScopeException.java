package dev.ncmcp.server.security;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.ncmcp.spi.Scope;
import jakarta.json.JsonValue;

/**
 * The caller's token lacks a scope an MCP operation needs. Thrown by the MCP layer and mapped by the
 * routing to HTTP 403 with a {@code WWW-Authenticate: Bearer error="insufficient_scope"} challenge.
 */
public final class InsufficientScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SortedSet<Scope> requiredScopes;
    private final transient JsonValue requestId;

    /**
     * @param requiredScopes every scope the call needs (not only the missing ones)
     */
    public InsufficientScopeException(Set<Scope> requiredScopes) {
        this(requiredScopes, null);
    }

    private InsufficientScopeException(Set<Scope> requiredScopes, JsonValue requestId) {
        super("insufficient scope, required: " + new TreeSet<>(requiredScopes));
        this.requiredScopes = Collections.unmodifiableSortedSet(new TreeSet<>(requiredScopes));
        this.requestId = requestId;
    }

    /** The same refusal, answering the JSON-RPC request with this id. */
    public InsufficientScopeException forRequest(JsonValue id) {
        return new InsufficientScopeException(requiredScopes, id);
    }

    /** The JSON-RPC id of the refused request, or null when unknown. */
    public JsonValue requestId() {
        return requestId;
    }

    /** The full set of scopes the call needs. */
    public SortedSet<Scope> requiredScopes() {
        return requiredScopes;
    }
}
