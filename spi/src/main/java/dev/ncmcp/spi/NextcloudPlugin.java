package dev.ncmcp.spi;

import java.util.List;
import java.util.Optional;

/**
 * A Nextcloud app exposed to MCP clients: the {@link java.util.ServiceLoader} service of ncmcp.
 *
 * <p>A plugin lives as long as the sidecar process; everything that belongs to one call lives in
 * the {@link ToolInvocation}. The server calls, in this order: {@link #id()}, {@link #configuration()},
 * {@link #init(PluginContext)} once with the validated values, then the getters ({@link #scopes()},
 * {@link #tools()}, …); {@link #close()} when it stops. Every method beyond {@link #id()}, {@link #scopes()} and
 * {@link #tools()} has a default, so the contract grows by new default methods and existing plugins keep working.
 */
public interface NextcloudPlugin {

    /** Short, stable id such as {@code notes}; lower case letters, digits, {@code -} and {@code _}. */
    String id();

    /** The scopes this plugin's tools, resources and prompts require, with descriptions for users. */
    List<ScopeDefinition> scopes();

    /** The tools of this plugin, declared with {@link dev.ncmcp.spi.tool.Tool}: a plugin reads like a table of them. */
    List<ToolDefinition> tools();

    /** The configuration keys this plugin reads ({@code plugins.<id>.<name>}); none by default. */
    default List<ConfigKey> configuration() {
        return List.of();
    }

    /** Called once, before the getters, with the plugin's validated configuration. */
    default void init(PluginContext context) {
    }

    /** Called once when the server stops; releases what {@link #init} acquired. */
    default void close() {
    }

    /**
     * The Nextcloud app id this plugin needs ({@code notes}, {@code deck}, …), used to hide the plugin's
     * features when the app is not installed. Empty for core features such as WebDAV files.
     */
    default Optional<String> nextcloudApp() {
        return Optional.empty();
    }

    /** One line describing the plugin, shown in logs and server instructions. */
    default String description() {
        return id();
    }

    /** Fixed resources (a URI each). */
    default List<ResourceDefinition> resources() {
        return List.of();
    }

    /** Parameterised resources (RFC 6570 level-1 URI templates such as {@code nc-notes://note/{id}}). */
    default List<ResourceTemplateDefinition> resourceTemplates() {
        return List.of();
    }

    /** Prompt templates. */
    default List<PromptDefinition> prompts() {
        return List.of();
    }
}
