package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists, sets, string-keyed maps and raw JSON values. */
final class CollectionCodecs {

    private CollectionCodecs() {
    }

    static Codec list(Codec element, boolean set) {
        return new Codec() {
            @Override
            public JsonObjectBuilder schema() {
                JsonObjectBuilder schema = Json.object().add("type", "array").add("items", element.schema());
                return set ? schema.add("uniqueItems", true) : schema;
            }

            @Override
            public Object read(JsonValue json, String path) throws ToolException {
                if (!(json instanceof JsonArray array)) {
                    throw Codec.mismatch(path, "an array");
                }
                List<Object> values = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    values.add(element.read(array.get(i), path + "[" + i + "]"));
                }
                return set ? java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values)) : List.copyOf(values);
            }

            @Override
            public JsonValue write(Object value) {
                JsonArrayBuilder array = Json.array();
                for (Object item : (Collection<?>) value) {
                    array.add(element.write(item));
                }
                return array.build();
            }

            @Override
            public String lengthKeyword() {
                return "Items";
            }

            @Override
            public Object empty() {
                return set ? Set.of() : List.of();
            }
        };
    }

    static Codec map(Codec value) {
        return new Codec() {
            @Override
            public JsonObjectBuilder schema() {
                return Json.object().add("type", "object").add("additionalProperties", value.schema());
            }

            @Override
            public Object read(JsonValue json, String path) throws ToolException {
                if (!(json instanceof JsonObject object)) {
                    throw Codec.mismatch(path, "an object");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                    values.put(entry.getKey(), value.read(entry.getValue(), path + "." + entry.getKey()));
                }
                return java.util.Collections.unmodifiableMap(values);
            }

            @Override
            public JsonValue write(Object map) {
                JsonObjectBuilder object = Json.object();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
                    object.add((String) entry.getKey(), value.write(entry.getValue()));
                }
                return object.build();
            }

            @Override
            public String lengthKeyword() {
                return "Properties";
            }

            @Override
            public Object empty() {
                return Map.of();
            }
        };
    }

    /** {@link JsonValue} or one of its subtypes, passed through. */
    static Codec json(Class<?> type) {
        String schemaType = type == JsonObject.class ? "object" : type == JsonArray.class ? "array" : null;
        return new Codec() {
            @Override
            public JsonObjectBuilder schema() {
                return schemaType == null ? Json.object() : Json.object().add("type", schemaType);
            }

            @Override
            public Object read(JsonValue json, String path) throws ToolException {
                if (!type.isInstance(json)) {
                    throw Codec.mismatch(path, "an " + schemaType);
                }
                return json;
            }

            @Override
            public JsonValue write(Object value) {
                return (JsonValue) value;
            }
        };
    }
}
