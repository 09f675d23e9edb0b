package dev.ncmcp.spi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One MCP tool: how a model finds it (name, title, description, schemas, annotations), what it needs
 * (scopes) and what runs it (the handler). Plugins normally declare tools with {@link dev.ncmcp.spi.tool.Tool},
 * which derives both schemas from records; {@link #builder(String)} takes hand-written schemas.
 *
 * @param name           unique across all plugins, {@code nc_<plugin>_<verb>_<noun>} by convention
 * @param title          short human-readable name
 * @param description    what the tool does and when a model should use it
 * @param inputSchema    JSON Schema (2020-12) of the arguments; must be an object schema
 * @param outputSchema   JSON Schema of {@code structuredContent}, or {@code null} for none
 * @param annotations    behaviour hints
 * @param requiredScopes every scope the caller's token must grant; at least one
 * @param handler        the code that runs the tool
 */
public record ToolDefinition(String name,
                             String title,
                             String description,
                             JsonObject inputSchema,
                             JsonObject outputSchema,
                             ToolAnnotations annotations,
                             Set<Scope> requiredScopes,
                             ToolHandler handler) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public ToolDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME + ", was: " + name);
        }
        requireText(name, "title", title);
        requireText(name, "description", description);
        Objects.requireNonNull(inputSchema, () -> "tool " + name + ": inputSchema");
        JsonValue type = inputSchema.get("type");
        if (type == null || !"\"object\"".equals(type.toString())) {
            throw new IllegalArgumentException("tool " + name + ": inputSchema must have \"type\": \"object\"");
        }
        if (annotations == null) {
            throw new IllegalArgumentException("tool " + name + " needs annotations (readOnly, destructive, idempotent, "
                    + "openWorld); there is no default, so a tool that changes data is never advertised as safe");
        }
        Objects.requireNonNull(handler, () -> "tool " + name + ": handler");
        if (requiredScopes == null || requiredScopes.isEmpty()) {
            throw new IllegalArgumentException("tool " + name + " must require at least one scope");
        }
        requiredScopes = Set.copyOf(new TreeSet<>(requiredScopes));
    }

    public Optional<JsonObject> optionalOutputSchema() {
        return Optional.ofNullable(outputSchema);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static void requireText(String tool, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tool " + tool + " needs a " + what);
        }
    }

    /** Fluent construction, so a plugin's tool table reads top to bottom. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private JsonObject inputSchema;
        private JsonObject outputSchema;
        private ToolAnnotations annotations;
        private final Set<Scope> scopes = new TreeSet<>();
        private ToolHandler handler;

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder inputSchema(JsonObject schema) {
            this.inputSchema = schema;
            return this;
        }

        /** Parses the schema from JSON text, convenient with text blocks. */
        public Builder inputSchema(String json) {
            return inputSchema(Json2.parseObject(json));
        }

        public Builder outputSchema(JsonObject schema) {
            this.outputSchema = schema;
            return this;
        }

        public Builder outputSchema(String json) {
            return outputSchema(Json2.parseObject(json));
        }

        /** Required: there is no default. */
        public Builder annotations(ToolAnnotations annotations) {
            this.annotations = annotations;
            return this;
        }

        public Builder requires(Scope... scopes) {
            this.scopes.addAll(Set.of(scopes));
            return this;
        }

        public Builder handler(ToolHandler handler) {
            this.handler = handler;
            return this;
        }

        public ToolDefinition build() {
            return new ToolDefinition(name, title, description, inputSchema, outputSchema, annotations, scopes, handler);
        }
    }
}
