package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A record as a JSON object: its components are the properties, {@code Optional} (or {@link Default}) ones are
 * not required, and the annotations on each component give its description and constraints. Reflection happens
 * once, here; reading and writing only call the method handles found then.
 */
final class RecordCodec implements Codec {

    private record Component(String name, String javaName, MethodHandle accessor, Codec codec, boolean optional,
                             Object defaultValue, JsonObject schema) {
        boolean required(Codecs.Side side) {
            return !optional && (side == Codecs.Side.RESULT || defaultValue == null);
        }
    }

    private final Class<?> type;
    private final Codecs.Side side;
    private final List<Component> components;
    private final Map<String, Component> byName = new LinkedHashMap<>();
    private final MethodHandle constructor;
    private final JsonObject schema;

    private RecordCodec(Class<?> type, Codecs.Side side, List<Component> components, MethodHandle constructor) {
        this.type = type;
        this.side = side;
        this.components = List.copyOf(components);
        components.forEach(component -> byName.put(component.name(), component));
        this.constructor = constructor;
        this.schema = buildSchema();
    }

    static RecordCodec of(Class<?> type, Codecs.Side side, Set<Class<?>> enclosing) {
        if (!enclosing.add(type)) {
            throw new IllegalArgumentException("record " + type.getSimpleName() + " contains itself");
        }
        try {
            RecordComponent[] declared = type.getRecordComponents();
            List<Component> components = new ArrayList<>(declared.length);
            Class<?>[] parameterTypes = new Class<?>[declared.length];
            for (int i = 0; i < declared.length; i++) {
                components.add(component(type, declared[i], side, enclosing));
                parameterTypes[i] = declared[i].getType();
            }
            return new RecordCodec(type, side, components, constructor(type, parameterTypes));
        } finally {
            enclosing.remove(type);
        }
    }

    private static Component component(Class<?> owner, RecordComponent declared, Codecs.Side side,
                                       Set<Class<?>> enclosing) {
        String where = owner.getSimpleName() + "." + declared.getName();
        try {
            Name rename = declared.getAnnotation(Name.class);
            String name = rename != null ? rename.value() : declared.getName();
            Type type = declared.getGenericType();
            boolean optional = type instanceof ParameterizedType p && p.getRawType() == Optional.class;
            Codec codec = Codecs.of(optional ? ((ParameterizedType) type).getActualTypeArguments()[0] : type, side,
                    enclosing);
            Default fallback = declared.getAnnotation(Default.class);
            if (fallback != null && (optional || side == Codecs.Side.RESULT)) {
                throw new IllegalArgumentException("@Default belongs on a non-Optional argument component");
            }
            Object defaultValue = fallback != null ? codec.parseDefault(fallback.value())
                    : side == Codecs.Side.ARGUMENTS && !optional ? codec.empty() : null;
            JsonObject schema = propertySchema(declared, codec, defaultValue, side);
            MethodHandle accessor = accessible(declared.getAccessor(), owner);
            return new Component(name, declared.getName(), accessor, codec, optional, defaultValue, schema);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject propertySchema(RecordComponent declared, Codec codec, Object defaultValue,
                                             Codecs.Side side) {
        JsonObjectBuilder schema = codec.schema();
        Description description = declared.getAnnotation(Description.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalArgumentException("every component of an argument or result record needs a @Description: "
                    + "it is how the model learns what to pass and what it gets");
        }
        schema.add("description", description.value());
        Range range = declared.getAnnotation(Range.class);
        if (range != null) {
            if (!codec.numeric()) {
                throw new IllegalArgumentException("@Range applies to numbers only");
            }
            if (range.min() != Long.MIN_VALUE) {
                schema.add("minimum", range.min());
            }
            if (range.max() != Long.MAX_VALUE) {
                schema.add("maximum", range.max());
            }
        }
        Length length = declared.getAnnotation(Length.class);
        if (length != null) {
            if (codec.lengthKeyword() == null) {
                throw new IllegalArgumentException("@Length applies to strings, lists and maps only");
            }
            if (length.min() > 0) {
                schema.add("min" + codec.lengthKeyword(), length.min());
            }
            if (length.max() != Integer.MAX_VALUE) {
                schema.add("max" + codec.lengthKeyword(), length.max());
            }
        }
        Matches matches = declared.getAnnotation(Matches.class);
        if (matches != null) {
            if (codec != ScalarCodecs.STRING) {
                throw new IllegalArgumentException("@Matches applies to strings only");
            }
            java.util.regex.Pattern.compile(matches.value());
            schema.add("pattern", matches.value());
        }
        Format format = declared.getAnnotation(Format.class);
        if (format != null) {
            if (codec != ScalarCodecs.STRING) {
                throw new IllegalArgumentException("@Format applies to strings only");
            }
            schema.add("format", format.value());
        }
        if (defaultValue != null) {
            schema.add("default", codec.write(defaultValue));
        }
        return schema.build();
    }

    private static MethodHandle accessible(java.lang.reflect.Method accessor, Class<?> owner) {
        try {
            accessor.setAccessible(true);
            return MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException | InaccessibleObjectException e) {
            throw inaccessible(owner, e);
        }
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] parameterTypes) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, parameterTypes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException | InaccessibleObjectException e) {
            throw inaccessible(type, e);
        }
    }

    private static IllegalArgumentException inaccessible(Class<?> type, Exception cause) {
        return new IllegalArgumentException("record " + type.getName() + " is not accessible to the ncmcp SPI ("
                + cause.getMessage() + "); make it public or open its package", cause);
    }

    private JsonObject buildSchema() {
        JsonObjectBuilder properties = Json.object();
        JsonArrayBuilder required = Json.array();
        boolean anyRequired = false;
        for (Component component : components) {
            properties.add(component.name(), component.schema());
            if (component.required(side)) {
                required.add(component.name());
                anyRequired = true;
            }
        }
        JsonObjectBuilder schema = Json.object().add("type", "object").add("properties", properties);
        Description description = type.getAnnotation(Description.class);
        if (description != null) {
            schema.add("description", description.value());
        }
        if (anyRequired) {
            schema.add("required", required);
        }
        if (side == Codecs.Side.ARGUMENTS) {
            schema.add("additionalProperties", false);
        }
        return schema.build();
    }

    /** The object schema, complete. */
    JsonObject objectSchema() {
        return schema;
    }

    @Override
    public JsonObjectBuilder schema() {
        return Json.PROVIDER.createObjectBuilder(schema);
    }

    /** Reads the top-level arguments of a call. */
    Object readArguments(JsonObject arguments) throws ToolException {
        return readObject(arguments, "");
    }

    @Override
    public Object read(JsonValue json, String path) throws ToolException {
        if (!(json instanceof JsonObject object)) {
            throw Codec.mismatch(path, "an object");
        }
        return readObject(object, path + ".");
    }

    private Object readObject(JsonObject object, String prefix) throws ToolException {
        for (String key : object.keySet()) {
            if (!byName.containsKey(key)) {
                throw ToolException.invalidArgument("'" + prefix + key + "' is not an argument of this tool"
                        + (byName.isEmpty() ? " (it takes none)" : "; it takes " + String.join(", ", byName.keySet())));
            }
        }
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            Component component = components.get(i);
            JsonValue json = object.get(component.name());
            String path = prefix + component.name();
            if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
                if (component.optional()) {
                    values[i] = Optional.empty();
                } else if (component.defaultValue() != null) {
                    values[i] = component.defaultValue();
                } else {
                    throw ToolException.invalidArgument("'" + path + "' is required");
                }
            } else {
                Object value = component.codec().read(json, path);
                values[i] = component.optional() ? Optional.of(value) : value;
            }
        }
        try {
            return (Object) constructor.invokeExact(values);
        } catch (IllegalArgumentException e) {
            // the record's compact constructor rejected a combination the schema cannot express
            throw ToolException.invalidArgument(e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("constructing " + type.getName() + " failed", e);
        }
    }

    @Override
    public JsonValue write(Object record) {
        JsonObjectBuilder object = Json.object();
        for (Component component : components) {
            Object value;
            try {
                value = (Object) component.accessor().invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + type.getName() + "." + component.javaName() + " failed", e);
            }
            if (component.optional()) {
                if (value == null || ((Optional<?>) value).isEmpty()) {
                    continue;
                }
                value = ((Optional<?>) value).get();
            }
            if (value == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.javaName()
                        + " is null; declare it Optional when it may be absent");
            }
            object.add(component.name(), component.codec().write(value));
        }
        return object.build();
    }

    static Set<Class<?>> fresh() {
        return new HashSet<>();
    }
}
