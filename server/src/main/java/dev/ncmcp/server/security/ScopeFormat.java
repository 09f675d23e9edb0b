package dev.ncmcp.server.security;

import dev.ncmcp.spi.Scope;

import java.util.Collection;
import java.util.stream.Collectors;

/** Renders scopes with the configured separator ({@code notes:read} or {@code notes.read}). */
public record ScopeFormat(char separator) {

    public ScopeFormat {
        if (separator != ':' && separator != '.') {
            throw new IllegalArgumentException("scope separator must be ':' or '.'");
        }
    }

    public String render(Scope scope) {
        return scope.render(separator);
    }

    /** Space-delimited, sorted, as in an OAuth {@code scope} parameter. */
    public String render(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(this::render).collect(Collectors.joining(" "));
    }
}
