package dev.ncmcp.server.plugin;

import dev.ncmcp.spi.ConfigKey;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginConfig;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;
import jakarta.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Every tool, resource and prompt of every plugin, validated once at startup and kept in a
 * deterministic order. Each plugin is first initialised with its configuration slice
 * ({@code plugins.<id>.*}, validated against the keys it declares). Conflicts and invalid configuration
 * stop startup with a message naming the plugins' jars. {@link #close()} closes every plugin.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
    /** Keys under {@code plugins.} that belong to the server, so no plugin may take them as its id. */
    private static final Set<String> RESERVED_IDS = Set.of("directory");

    private final List<LoadedPlugin> plugins;
    private final Map<String, ToolDefinition> tools = new TreeMap<>();
    private final Map<String, ResourceDefinition> resources = new TreeMap<>();
    private final Map<String, ResourceTemplateDefinition> templates = new TreeMap<>();
    private final Map<ResourceTemplateDefinition, UriTemplate> compiledTemplates = new IdentityHashMap<>();
    private final Map<String, PromptDefinition> prompts = new TreeMap<>();
    private final Map<Scope, String> scopes = new TreeMap<>();
    private final Map<Object, LoadedPlugin> owners = new IdentityHashMap<>();
    private final List<LoadedPlugin> initialized = new ArrayList<>();

    private PluginRegistry(List<LoadedPlugin> plugins, Function<JsonObject, List<String>> schemaProblems,
                           Map<String, Map<String, String>> settings) {
        this.plugins = List.copyOf(plugins);
        Map<String, LoadedPlugin> ids = new LinkedHashMap<>();
        try {
            for (LoadedPlugin loaded : plugins) {
                register(loaded, ids, schemaProblems, settings);
            }
            for (String id : settings.keySet()) {
                if (!ids.containsKey(id)) {
                    throw new PluginLoadException("plugins." + id + ": no plugin with id '" + id + "' is loaded "
                            + "(loaded: " + String.join(", ", new TreeSet<>(ids.keySet())) + ")");
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Loads the classpath plugins and the jars in {@code directory} (may be null). */
    public static PluginRegistry load(Path directory, Function<JsonObject, List<String>> schemaProblems) {
        return load(directory, schemaProblems, List.of());
    }

    /** The same, plus plugins the server itself provides (e.g. the connection tools of login-flow mode). */
    public static PluginRegistry load(Path directory, Function<JsonObject, List<String>> schemaProblems,
                                      List<NextcloudPlugin> builtIn) {
        return load(directory, schemaProblems, builtIn, Map.of());
    }

    /**
     * @param settings each plugin's configuration values by plugin id, keys relative to {@code plugins.<id>.}
     */
    public static PluginRegistry load(Path directory, Function<JsonObject, List<String>> schemaProblems,
                                      List<NextcloudPlugin> builtIn, Map<String, Map<String, String>> settings) {
        List<LoadedPlugin> plugins = new ArrayList<>();
        builtIn.forEach(plugin -> plugins.add(new LoadedPlugin(plugin, "built-in",
                plugin.getClass().getClassLoader())));
        plugins.addAll(PluginLoader.load(directory));
        return new PluginRegistry(plugins, schemaProblems, Map.copyOf(settings));
    }

    /** Each plugin's configuration keys, by plugin id, without initialising any plugin (for {@code --help}). */
    public static Map<String, List<ConfigKey>> configurationKeys(Path directory) {
        Map<String, List<ConfigKey>> keys = new TreeMap<>();
        for (LoadedPlugin loaded : PluginLoader.load(directory)) {
            keys.put(loaded.plugin().id(), List.copyOf(loaded.plugin().configuration()));
        }
        return keys;
    }

    /** A registry of the given plugins as if found on the classpath; schemas are not verified. */
    public static PluginRegistry of(List<NextcloudPlugin> plugins) {
        return of(plugins, schema -> List.of());
    }

    public static PluginRegistry of(List<NextcloudPlugin> plugins, Function<JsonObject, List<String>> schemaProblems) {
        return new PluginRegistry(plugins.stream().map(LoadedPlugin::fromClasspath).toList(), schemaProblems, Map.of());
    }

    private void register(LoadedPlugin loaded, Map<String, LoadedPlugin> ids,
                          Function<JsonObject, List<String>> schemaProblems, Map<String, Map<String, String>> settings) {
        NextcloudPlugin plugin = loaded.plugin();
        String label = loaded.label();
        Set<Scope> declared = new TreeSet<>();
        List<ToolDefinition> pluginTools;
        try {
            String id = plugin.id();
            if (RESERVED_IDS.contains(id)) {
                throw new PluginLoadException(label + ": the plugin id '" + id + "' is reserved (plugins." + id
                        + " is a server key)");
            }
            LoadedPlugin previous = ids.putIfAbsent(id, loaded);
            if (previous != null) {
                throw new PluginLoadException("duplicate plugin id '" + id + "' in " + previous.origin() + " and "
                        + loaded.origin());
            }
            PluginConfig config = PluginConfig.of(id, plugin.configuration(), settings.getOrDefault(id, Map.of()));
            inLoader(loaded, () -> {
                plugin.init(PluginContext.of(config));
                return null;
            });
            initialized.add(loaded);
            for (ScopeDefinition scope : plugin.scopes()) {
                declared.add(scope.scope());
                scopes.putIfAbsent(scope.scope(), scope.description());
            }
            pluginTools = plugin.tools();
            for (ToolDefinition tool : pluginTools) {
                checkScopes(label, "tool " + tool.name(), tool.requiredScopes(), declared);
                checkSchema(label, tool.name(), "inputSchema", tool.inputSchema(), schemaProblems);
                if (tool.outputSchema() != null) {
                    checkSchema(label, tool.name(), "outputSchema", tool.outputSchema(), schemaProblems);
                }
                put(tools, tool.name(), tool, loaded, "tool");
            }
            for (ResourceDefinition resource : plugin.resources()) {
                checkScopes(label, "resource " + resource.uri(), resource.requiredScopes(), declared);
                put(resources, resource.uri(), resource, loaded, "resource");
                owners.put(resource.reader(), loaded);
            }
            for (ResourceTemplateDefinition template : plugin.resourceTemplates()) {
                checkScopes(label, "resource template " + template.uriTemplate(), template.requiredScopes(), declared);
                compiledTemplates.put(template, new UriTemplate(template.uriTemplate()));
                put(templates, template.uriTemplate(), template, loaded, "resource template");
                owners.put(template.reader(), loaded);
            }
            for (PromptDefinition prompt : plugin.prompts()) {
                checkScopes(label, "prompt " + prompt.name(), prompt.requiredScopes(), declared);
                put(prompts, prompt.name(), prompt, loaded, "prompt");
            }
        } catch (PluginLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginLoadException(label + ": invalid plugin: " + e.getMessage(), e);
        }
    }

    private static void inLoader(LoadedPlugin loaded, Callable<Void> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaded.loader());
        try {
            call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes every initialised plugin; one that fails to close is logged and does not stop the others. */
    @Override
    public void close() {
        for (LoadedPlugin loaded : initialized) {
            try {
                inLoader(loaded, () -> {
                    loaded.plugin().close();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, loaded.label() + ": close() failed", e);
            }
        }
    }

    private <T> void put(Map<String, T> map, String key, T definition, LoadedPlugin owner, String what) {
        T existing = map.putIfAbsent(key, definition);
        if (existing != null) {
            throw new PluginLoadException("duplicate " + what + " " + key + " in " + owners.get(existing).origin()
                    + " and " + owner.origin());
        }
        owners.put(definition, owner);
    }

    private static void checkScopes(String label, String what, Set<Scope> required, Set<Scope> declared) {
        for (Scope scope : required) {
            if (!declared.contains(scope)) {
                throw new PluginLoadException(label + ": " + what + " requires scope " + scope
                        + ", which the plugin does not declare in scopes()");
            }
        }
    }

    private static void checkSchema(String label, String tool, String which, JsonObject schema,
                                    Function<JsonObject, List<String>> schemaProblems) {
        List<String> problems = schemaProblems.apply(schema);
        if (!problems.isEmpty()) {
            throw new PluginLoadException(label + ": tool " + tool + " has an invalid " + which + ": "
                    + String.join("; ", problems));
        }
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /** Tools sorted by name. */
    public List<ToolDefinition> tools() {
        return List.copyOf(tools.values());
    }

    public Optional<ToolDefinition> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** Fixed resources sorted by URI. */
    public List<ResourceDefinition> resources() {
        return List.copyOf(resources.values());
    }

    /** Resource templates sorted by template. */
    public List<ResourceTemplateDefinition> resourceTemplates() {
        return List.copyOf(templates.values());
    }

    /** The definition serving {@code uri}: a fixed resource first, then the first matching template. */
    public Optional<ResourceMatch> resolveResource(String uri) {
        ResourceDefinition fixed = resources.get(uri);
        if (fixed != null) {
            return Optional.of(new ResourceMatch(uri, fixed.mimeType(), fixed.requiredScopes(), fixed.reader(),
                    Map.of()));
        }
        for (ResourceTemplateDefinition template : templates.values()) {
            Optional<Map<String, String>> variables = compiledTemplates.get(template).match(uri);
            if (variables.isPresent()) {
                return Optional.of(new ResourceMatch(uri, template.mimeType(), template.requiredScopes(),
                        template.reader(), variables.get()));
            }
        }
        return Optional.empty();
    }

    /** Prompts sorted by name. */
    public List<PromptDefinition> prompts() {
        return List.copyOf(prompts.values());
    }

    public Optional<PromptDefinition> prompt(String name) {
        return Optional.ofNullable(prompts.get(name));
    }

    /** The union of all plugins' declared scopes. */
    public SortedSet<Scope> scopes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(scopes.keySet()));
    }

    /** Each scope with the description its plugin gave, sorted. */
    public Map<Scope, String> scopeDescriptions() {
        return Collections.unmodifiableMap(scopes);
    }

    /**
     * Runs plugin code with the plugin's class loader as the thread context class loader, so
     * libraries inside an external jar that use the context loader find their own classes.
     *
     * @param definition a tool, resource, resource template, prompt, or a {@link ResourceMatch}
     */
    public <T> T callInPluginContext(Object definition, Callable<T> call) throws Exception {
        LoadedPlugin owner = owners.get(definition instanceof ResourceMatch match ? match.reader() : definition);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (owner != null) {
            thread.setContextClassLoader(owner.loader());
        }
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The plugin that declared a tool, resource or prompt. */
    public Optional<LoadedPlugin> owner(Object definition) {
        return Optional.ofNullable(owners.get(definition));
    }

    @Override
    public String toString() {
        List<String> labels = new ArrayList<>();
        plugins.forEach(p -> labels.add(p.label()));
        labels.sort(Comparator.naturalOrder());
        return "PluginRegistry" + labels;
    }
}
