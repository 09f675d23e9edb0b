package dev.ncmcp.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A prompt template a user can pick in the client. */
public record PromptDefinition(String name, String title, String description, List<PromptArgument> arguments,
                               Set<Scope> requiredScopes, PromptHandler handler) {

    public PromptDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, () -> "prompt " + name + ": handler");
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        if (requiredScopes == null || requiredScopes.isEmpty()) {
            throw new IllegalArgumentException("prompt " + name + " must require at least one scope");
        }
        requiredScopes = Set.copyOf(requiredScopes);
    }

    /** One argument of a prompt. */
    public record PromptArgument(String name, String description, boolean required) {
        public PromptArgument {
            Objects.requireNonNull(name, "name");
        }
    }
}
