package dev.ncmcp.spi;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to validated tool arguments. Missing required values or wrong types raise
 * {@link ToolException#invalidArgument(String)}, which the model sees and can correct.
 */
public final class Arguments {

    private final JsonObject json;

    public Arguments(JsonObject json) {
        this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
    }

    public JsonObject json() {
        return json;
    }

    public boolean has(String name) {
        JsonValue value = json.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    public String string(String name) throws ToolException {
        return optionalString(name).orElseThrow(() -> ToolException.invalidArgument("'" + name + "' is required"));
    }

    public Optional<String> optionalString(String name) throws ToolException {
        if (!has(name)) {
            return Optional.empty();
        }
        if (json.get(name) instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw ToolException.invalidArgument("'" + name + "' must be a string");
    }

    public long integer(String name) throws ToolException {
        return optionalInteger(name).orElseThrow(() -> ToolException.invalidArgument("'" + name + "' is required"));
    }

    public Optional<Long> optionalInteger(String name) throws ToolException {
        if (!has(name)) {
            return Optional.empty();
        }
        if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
            return Optional.of(number.longValueExact());
        }
        throw ToolException.invalidArgument("'" + name + "' must be an integer");
    }

    public boolean bool(String name, boolean defaultValue) throws ToolException {
        if (!has(name)) {
            return defaultValue;
        }
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw ToolException.invalidArgument("'" + name + "' must be true or false");
    }

    public List<String> strings(String name) throws ToolException {
        if (!has(name)) {
            return List.of();
        }
        if (!(json.get(name) instanceof jakarta.json.JsonArray array)) {
            throw ToolException.invalidArgument("'" + name + "' must be an array of strings");
        }
        List<String> result = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw ToolException.invalidArgument("'" + name + "' must be an array of strings");
            }
            result.add(text.getString());
        }
        return List.copyOf(result);
    }

    @Override
    public String toString() {
        // Arguments may carry note content or file data: never print them.
        return "Arguments" + json.keySet();
    }
}
