package dev.ncmcp.spi.tool;

import jakarta.json.JsonValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the {@link Codec} of a Java type; fails at load time, naming the type, for anything unsupported. */
final class Codecs {

    /** Which side of a tool a record describes: arguments are stricter (descriptions required, no extra keys). */
    enum Side { ARGUMENTS, RESULT }

    private Codecs() {
    }

    static Codec of(Type type, Side side, Set<Class<?>> enclosing) {
        if (type instanceof Class<?> c) {
            return ofClass(c, side, enclosing);
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class) {
                return CollectionCodecs.list(of(arguments[0], side, enclosing), false);
            }
            if (raw == Set.class) {
                return CollectionCodecs.list(of(arguments[0], side, enclosing), true);
            }
            if (raw == Map.class && arguments[0] == String.class) {
                return CollectionCodecs.map(of(arguments[1], side, enclosing));
            }
            if (raw == java.util.Optional.class) {
                throw new IllegalArgumentException("Optional is only supported directly on a record component");
            }
        }
        throw unsupported(type);
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("unsupported type " + type.getTypeName() + " (supported: String, int, long, "
                + "double, boolean and their boxes, enums, records, Instant, LocalDate, List, Set, Map<String, …>, "
                + "JsonValue, JsonObject, JsonArray)");
    }

    private static Codec ofClass(Class<?> c, Side side, Set<Class<?>> enclosing) {
        if (c == String.class) {
            return ScalarCodecs.STRING;
        }
        if (c == boolean.class || c == Boolean.class) {
            return ScalarCodecs.BOOLEAN;
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return ScalarCodecs.integer(c);
        }
        if (c == double.class || c == Double.class) {
            return ScalarCodecs.DOUBLE;
        }
        if (c == Instant.class) {
            return ScalarCodecs.INSTANT;
        }
        if (c == LocalDate.class) {
            return ScalarCodecs.LOCAL_DATE;
        }
        if (c.isEnum()) {
            return new EnumCodec(c);
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            return CollectionCodecs.json(c);
        }
        if (c.isRecord()) {
            return RecordCodec.of(c, side, enclosing);
        }
        throw unsupported(c);
    }
}
