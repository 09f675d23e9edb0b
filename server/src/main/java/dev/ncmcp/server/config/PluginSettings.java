package dev.ncmcp.server.config;

import io.helidon.config.Config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The values set under {@code plugins.<id>.} (from {@code sidecar.yaml} or {@code PLUGINS_<ID>_<KEY>} variables),
 * by plugin id, keys relative to the plugin. The plugin registry validates them against each plugin's keys.
 */
final class PluginSettings {

    private PluginSettings() {
    }

    static Map<String, Map<String, String>> from(Config root) {
        Map<String, Map<String, String>> settings = new TreeMap<>();
        Config plugins = root.get("plugins");
        plugins.traverse()
                .filter(node -> node.type() == Config.Type.VALUE)
                .forEach(node -> {
                    String relative = node.key().toString().substring(plugins.key().toString().length() + 1);
                    int dot = relative.indexOf('.');
                    if (dot > 0) {
                        String value = node.asString().orElse("");
                        settings.computeIfAbsent(relative.substring(0, dot), id -> new TreeMap<>())
                                .put(relative.substring(dot + 1), value);
                    }
                });
        return settings;
    }
}
