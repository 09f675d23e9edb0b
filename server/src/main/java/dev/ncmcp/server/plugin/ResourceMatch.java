package dev.ncmcp.server.plugin;

import java.util.Map;
import java.util.Set;

import dev.ncmcp.spi.ResourceReader;
import dev.ncmcp.spi.Scope;

/** A resource URI resolved to the definition that serves it. */
public record ResourceMatch(String uri, String mimeType, Set<Scope> requiredScopes, ResourceReader reader,
                            Map<String, String> variables) {
    public ResourceMatch {
        requiredScopes = Set.copyOf(requiredScopes);
        variables = Map.copyOf(variables);
    }
}
