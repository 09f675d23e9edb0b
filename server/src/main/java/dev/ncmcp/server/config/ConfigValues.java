package dev.ncmcp.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Typed reads of config keys that fail with a message naming the key and its variable. */
final class ConfigValues {

    private final Config root;

    ConfigValues(Config root) {
        this.root = root;
    }

    Optional<String> text(String key) {
        return root.get(key).asString().filter(value -> !value.isBlank()).map(String::strip);
    }

    String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ConfigProblem.forKey(key, "expected true or false, got '" + value.get() + "'");
        };
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw ConfigProblem.forKey(key, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ConfigProblem.forKey(key, "expected a whole number, got '" + value.get() + "'");
        }
    }

    /**
     * A list given as a YAML list or as one comma-separated string (the form environment variables allow).
     * A value set for the key itself (an environment variable) wins over a list from a file.
     */
    List<String> list(String key, List<String> defaultValue) {
        Optional<String> text = text(key);
        if (text.isPresent()) {
            return Arrays.stream(text.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        Config node = root.get(key);
        try {
            if (node.isList()) {
                List<String> values = node.asList(String.class).get().stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                return values.isEmpty() ? defaultValue : values;
            }
        } catch (ConfigException e) {
            throw ConfigProblem.forKey(key, "expected a list of strings");
        }
        return defaultValue;
    }
}
