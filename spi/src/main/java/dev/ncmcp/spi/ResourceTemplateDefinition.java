package dev.ncmcp.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A parameterised resource. The template uses RFC 6570 level-1 variables ({@code {id}}); a variable
 * matches one path segment, or any remaining text when written {@code {+path}}.
 */
public record ResourceTemplateDefinition(String uriTemplate, String name, String title, String description,
                                         String mimeType, Set<Scope> requiredScopes, ResourceReader reader) {

    public ResourceTemplateDefinition {
        Objects.requireNonNull(uriTemplate, "uriTemplate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, () -> "resource template " + uriTemplate + ": reader");
        if (!uriTemplate.contains("{")) {
            throw new IllegalArgumentException("resource template " + uriTemplate + " has no variable");
        }
        if (requiredScopes == null || requiredScopes.isEmpty()) {
            throw new IllegalArgumentException("resource template " + uriTemplate + " must require at least one scope");
        }
        requiredScopes = Set.copyOf(requiredScopes);
    }
}
