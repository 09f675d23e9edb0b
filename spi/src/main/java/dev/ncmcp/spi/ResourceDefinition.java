package dev.ncmcp.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A resource with a fixed URI.
 *
 * @param uri            the resource URI, e.g. {@code nc-notes://settings}
 * @param name           short name
 * @param title          human-readable title, may be null
 * @param description    what it contains, may be null
 * @param mimeType       content type, may be null
 * @param requiredScopes every scope the caller must have to see and read it; at least one
 * @param reader         reads the contents
 */
public record ResourceDefinition(String uri, String name, String title, String description, String mimeType,
                                 Set<Scope> requiredScopes, ResourceReader reader) {

    public ResourceDefinition {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, () -> "resource " + uri + ": reader");
        if (requiredScopes == null || requiredScopes.isEmpty()) {
            throw new IllegalArgumentException("resource " + uri + " must require at least one scope");
        }
        requiredScopes = Set.copyOf(requiredScopes);
    }
}
