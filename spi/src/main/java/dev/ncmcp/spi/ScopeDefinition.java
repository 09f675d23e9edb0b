package dev.ncmcp.spi;

import java.util.Objects;

/** A scope a plugin declares, with the sentence a user sees when asked to grant it. */
public record ScopeDefinition(Scope scope, String description) {

    public ScopeDefinition {
        Objects.requireNonNull(scope, "scope");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("scope " + scope + " needs a description");
        }
    }
}
