package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An enum as a string with a fixed set of values: the constant's name in lower case, or its {@link Name}. */
final class EnumCodec implements Codec {

    private final Map<String, Enum<?>> byWire = new LinkedHashMap<>();
    private final Map<Enum<?>, String> toWire = new LinkedHashMap<>();

    EnumCodec(Class<?> type) {
        for (Object constant : type.getEnumConstants()) {
            Enum<?> value = (Enum<?>) constant;
            String wire = wireName(type, value);
            if (byWire.putIfAbsent(wire, value) != null) {
                throw new IllegalArgumentException("enum " + type.getSimpleName() + " has two constants named '" + wire + "'");
            }
            toWire.put(value, wire);
        }
    }

    private static String wireName(Class<?> type, Enum<?> value) {
        try {
            Name name = type.getField(value.name()).getAnnotation(Name.class);
            return name != null ? name.value() : value.name().toLowerCase(Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public JsonObjectBuilder schema() {
        JsonArrayBuilder values = Json.array();
        byWire.keySet().forEach(values::add);
        return Json.object().add("type", "string").add("enum", values);
    }

    @Override
    public Object read(JsonValue json, String path) throws ToolException {
        if (json instanceof JsonString text && byWire.containsKey(text.getString())) {
            return byWire.get(text.getString());
        }
        throw Codec.mismatch(path, "one of " + String.join(", ", byWire.keySet()));
    }

    @Override
    public JsonValue write(Object value) {
        return Json.PROVIDER.createValue(toWire.get((Enum<?>) value));
    }

    @Override
    public Object parseDefault(String text) {
        Enum<?> value = byWire.get(text);
        if (value == null) {
            throw new IllegalArgumentException("default '" + text + "' is not one of " + byWire.keySet());
        }
        return value;
    }
}
