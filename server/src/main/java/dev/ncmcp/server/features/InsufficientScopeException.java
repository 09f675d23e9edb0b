package dev.ncmcp.server.features;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.ncmcp.spi.Scope;

/**
 * The caller lacks a scope a tool, resource or prompt needs. The transport answers HTTP 403 with a
 * {@code WWW-Authenticate: Bearer error="insufficient_scope"} challenge naming every scope needed, so the client
 * can step up.
 */
public final class InsufficientScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SortedSet<Scope> requiredScopes;

    /**
     * @param requiredScopes every scope the call needs (not only the missing ones)
     */
    public InsufficientScopeException(Set<Scope> requiredScopes) {
        super("insufficient scope, required: " + new TreeSet<>(requiredScopes), null, false, false);
        this.requiredScopes = Collections.unmodifiableSortedSet(new TreeSet<>(requiredScopes));
    }

    /** The full set of scopes the call needs. */
    public SortedSet<Scope> requiredScopes() {
        return requiredScopes;
    }
}
