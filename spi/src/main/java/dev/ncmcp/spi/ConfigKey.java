package dev.ncmcp.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration key of a plugin, set as {@code plugins.<plugin id>.<name>} in {@code sidecar.yaml} or as the
 * environment variable {@code PLUGINS_<ID>_<NAME>} (dots become underscores). The server validates every value at
 * start-up, refuses keys a plugin does not declare, and lists the keys in {@code --help}.
 *
 * @param name         lower-case words separated by dots, e.g. {@code read.limit}
 * @param type         how the value is read
 * @param defaultValue the value when none is set, as text
 * @param min          smallest value of an {@link Type#INTEGER} key
 * @param max          largest value of an {@link Type#INTEGER} key
 * @param description  what the key changes, for operators
 */
public record ConfigKey(String name, Type type, String defaultValue, long min, long max, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");

    /** How a value is read. */
    public enum Type { STRING, INTEGER, BOOLEAN }

    public ConfigKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("configuration key names are lower-case words separated by dots "
                    + "(they must survive environment variables), was: " + name);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, () -> "key " + name + ": defaultValue");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("key " + name + " needs a description");
        }
        if (min > max) {
            throw new IllegalArgumentException("key " + name + ": min > max");
        }
        parse(type, min, max, defaultValue, "default of " + name);
    }

    public static ConfigKey string(String name, String defaultValue, String description) {
        return new ConfigKey(name, Type.STRING, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE, description);
    }

    public static ConfigKey integer(String name, long defaultValue, long min, long max, String description) {
        return new ConfigKey(name, Type.INTEGER, Long.toString(defaultValue), min, max, description);
    }

    public static ConfigKey bool(String name, boolean defaultValue, String description) {
        return new ConfigKey(name, Type.BOOLEAN, Boolean.toString(defaultValue), Long.MIN_VALUE, Long.MAX_VALUE,
                description);
    }

    /** The key in {@code sidecar.yaml}: {@code plugins.files.read.limit}. */
    public String path(String pluginId) {
        return "plugins." + pluginId + "." + name;
    }

    /** The environment variable that sets it: {@code PLUGINS_FILES_READ_LIMIT}. */
    public String variable(String pluginId) {
        return path(pluginId).replace("-", "_dash_").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The typed value of {@code text}: a {@code String}, a {@code Long} or a {@code Boolean}.
     *
     * @param where names the setting in the error message
     */
    Object parse(String text, String where) {
        return parse(type, min, max, text, where);
    }

    private static Object parse(Type type, long min, long max, String text, String where) {
        String value = text.strip();
        return switch (type) {
            case STRING -> value;
            case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Boolean.TRUE;
                case "false", "no", "off", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(where + ": expected true or false, got '" + text + "'");
            };
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": expected a whole number, got '" + text + "'");
                }
                if (number < min || number > max) {
                    throw new IllegalArgumentException(where + ": must be between " + min + " and " + max + ", got "
                            + number);
                }
                yield number;
            }
        };
    }
}
