package dev.ncmcp.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** A plugin's configuration slice, validated against the keys it declared: every read is of a known, typed key. */
public final class PluginConfig {

    private final String pluginId;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private PluginConfig(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Validates the values set for a plugin ({@code name → text}, names relative to {@code plugins.<id>.}).
     *
     * @throws IllegalArgumentException naming the key and its environment variable, for an unknown key or a value
     *                                  of the wrong type or out of range
     */
    public static PluginConfig of(String pluginId, List<ConfigKey> declared, Map<String, String> set) {
        Objects.requireNonNull(pluginId, "pluginId");
        PluginConfig config = new PluginConfig(pluginId);
        for (ConfigKey key : declared) {
            if (config.keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("plugin " + pluginId + " declares key " + key.name() + " twice");
            }
        }
        for (String name : set.keySet()) {
            if (!config.keys.containsKey(name)) {
                throw new IllegalArgumentException("plugins." + pluginId + "." + name + ": unknown key; plugin "
                        + pluginId + (declared.isEmpty() ? " has no configuration keys"
                        : " has " + new TreeSet<>(config.keys.keySet())));
            }
        }
        for (ConfigKey key : declared) {
            String text = set.get(key.name());
            config.values.put(key.name(), text == null || text.isBlank()
                    ? key.parse(key.defaultValue(), key.path(pluginId))
                    : key.parse(text, key.path(pluginId) + " (" + key.variable(pluginId) + ")"));
        }
        return config;
    }

    /** Every key at its default. */
    public static PluginConfig defaults(String pluginId, List<ConfigKey> declared) {
        return of(pluginId, declared, Map.of());
    }

    public String string(String name) {
        return (String) value(name, ConfigKey.Type.STRING);
    }

    public long integer(String name) {
        return (Long) value(name, ConfigKey.Type.INTEGER);
    }

    public boolean bool(String name) {
        return (Boolean) value(name, ConfigKey.Type.BOOLEAN);
    }

    private Object value(String name, ConfigKey.Type type) {
        ConfigKey key = keys.get(name);
        if (key == null || key.type() != type) {
            throw new IllegalArgumentException("plugin " + pluginId + " declares no " + type + " key " + name);
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return "PluginConfig[" + pluginId + ": " + keys.keySet() + "]";
    }
}
