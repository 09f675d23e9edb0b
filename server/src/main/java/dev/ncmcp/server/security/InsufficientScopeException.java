package dev.ncmcp.server.security;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.ncmcp.spi.Scope;

/**
 * The caller's token lacks a scope an MCP operation needs. Thrown by the MCP layer and mapped by the
 * routing to HTTP 403 with a {@code WWW-Authenticate: Bearer error="insufficient_scope"} challenge.
 */
public final class InsufficientScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SortedSet<Scope> requiredScopes;

    /**
     * @param requiredScopes every scope the call needs (not only the missing ones)
     */
    public InsufficientScopeException(Set<Scope> requiredScopes) {
        super("insufficient scope, required: " + new TreeSet<>(requiredScopes));
        this.requiredScopes = Collections.unmodifiableSortedSet(new TreeSet<>(requiredScopes));
    }

    /** The full set of scopes the call needs. */
    public SortedSet<Scope> requiredScopes() {
        return requiredScopes;
    }
}
