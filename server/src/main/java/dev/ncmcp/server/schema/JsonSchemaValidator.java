package dev.ncmcp.server.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A small JSON Schema validator for tool arguments: the subset of draft 2020-12 (and draft-07) that
 * tool input schemas use. {@link #validate} checks an instance; {@link #verify} checks, at plugin load
 * time, that a schema uses only keywords this validator understands.
 *
 * <p>Supported keywords: {@value #SUPPORTED}.
 */
public final class JsonSchemaValidator {
    /** The keywords {@link #validate} evaluates. */
    static final String SUPPORTED = "type, properties, required, additionalProperties, patternProperties, "
            + "minProperties, maxProperties, enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum, "
            + "multipleOf, minLength, maxLength, pattern, items, prefixItems, minItems, maxItems, uniqueItems, "
            + "anyOf, oneOf, allOf, not, $ref (local), $defs, definitions";
    /** Evaluated keywords. */
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "patternProperties", "minProperties", "maxProperties", "enum", "const", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "items",
            "prefixItems", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf", "allOf", "not", "$ref",
            "$defs", "definitions");
    /** Annotations: accepted and ignored. Keys starting with {@code x-} are also accepted (e.g. {@code x-mcp-header}). */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "format", "deprecated", "readOnly", "writeOnly", "contentMediaType",
            "contentEncoding");
    private static final Set<String> SCHEMA_DIALECTS = Set.of(
            "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
            "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema");
    private static final Set<String> TYPES = Set.of("null", "boolean", "object", "array", "number", "integer", "string");
    /** Deepest schema nesting {@link #verify} accepts, and deepest evaluation {@link #validate} performs. */
    public static final int MAX_DEPTH = 32;
    private static final int MAX_EVALUATION_DEPTH = 128;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private JsonSchemaValidator() {
    }

    /**
     * Validates {@code instance} against {@code schema}.
     *
     * @param schema   the schema (an object, or a boolean schema)
     * @param instance the value to check
     * @param rootName how the instance is named in messages, e.g. {@code arguments}
     * @return one message per violation, {@code "<path>: <what was expected>"}; empty when valid
     */
    public static List<String> validate(JsonValue schema, JsonValue instance, String rootName) {
        List<String> errors = new ArrayList<>();
        new Evaluation(schema).check(schema, instance, rootName, errors, 0);
        return errors;
    }

    /**
     * Checks that a schema is one this validator can enforce: only known keywords (or {@code x-} extensions
     * and annotations), well-typed keyword values, compilable patterns, local {@code $ref}s that resolve,
     * a 2020-12 or draft-07 {@code $schema}, nesting at most {@value #MAX_DEPTH} deep.
     *
     * @return problems, each prefixed by the JSON pointer of the offending location; empty when usable
     */
    public static List<String> verify(JsonObject schema) {
        List<String> problems = new ArrayList<>();
        JsonValue dialect = schema.get("$schema");
        if (dialect != null && !(dialect instanceof JsonString s && SCHEMA_DIALECTS.contains(s.getString()))) {
            problems.add("/$schema: only JSON Schema 2020-12 or draft-07 is supported, was " + dialect);
        }
        verifySchema(schema, schema, "", 0, problems);
        return problems;
    }

    private static void verifySchema(JsonValue root, JsonValue schema, String pointer, int depth, List<String> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(at(pointer) + ": schema nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        if (schema == JsonValue.TRUE || schema == JsonValue.FALSE) {
            return;
        }
        if (!(schema instanceof JsonObject object)) {
            problems.add(at(pointer) + ": a schema must be an object or a boolean");
            return;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            String here = pointer + "/" + escape(key);
            if (ANNOTATIONS.contains(key) || key.startsWith("x-")) {
                if ("$schema".equals(key) && depth > 0) {
                    problems.add(here + ": $schema is only allowed at the root");
                }
                continue;
            }
            if (!KEYWORDS.contains(key)) {
                problems.add(here + ": unsupported keyword '" + key + "' (supported: " + SUPPORTED + ")");
                continue;
            }
            switch (key) {
                case "type" -> verifyType(value, here, problems);
                case "properties", "patternProperties", "$defs", "definitions" -> {
                    if (!(value instanceof JsonObject map)) {
                        problems.add(here + ": must be an object of schemas");
                    } else {
                        for (Map.Entry<String, JsonValue> sub : map.entrySet()) {
                            if ("patternProperties".equals(key)) {
                                verifyPattern(sub.getKey(), here + "/" + escape(sub.getKey()), problems);
                            }
                            verifySchema(root, sub.getValue(), here + "/" + escape(sub.getKey()), depth + 1, problems);
                        }
                    }
                }
                case "required" -> {
                    if (!(value instanceof JsonArray array) || !array.stream().allMatch(v -> v instanceof JsonString)) {
                        problems.add(here + ": must be an array of strings");
                    }
                }
                case "additionalProperties", "items", "not" -> {
                    if ("items".equals(key) && value instanceof JsonArray array) {
                        // draft-07 tuple form
                        for (int i = 0; i < array.size(); i++) {
                            verifySchema(root, array.get(i), here + "/" + i, depth + 1, problems);
                        }
                    } else {
                        verifySchema(root, value, here, depth + 1, problems);
                    }
                }
                case "anyOf", "oneOf", "allOf", "prefixItems" -> {
                    if (!(value instanceof JsonArray array) || array.isEmpty()) {
                        problems.add(here + ": must be a non-empty array of schemas");
                    } else {
                        for (int i = 0; i < array.size(); i++) {
                            verifySchema(root, array.get(i), here + "/" + i, depth + 1, problems);
                        }
                    }
                }
                case "enum" -> {
                    if (!(value instanceof JsonArray)) {
                        problems.add(here + ": must be an array");
                    }
                }
                case "const" -> {
                    // any value
                }
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> {
                    if (!(value instanceof JsonNumber number)) {
                        problems.add(here + ": must be a number");
                    } else if ("multipleOf".equals(key) && number.bigDecimalValue().signum() <= 0) {
                        problems.add(here + ": must be greater than 0");
                    }
                }
                case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" -> {
                    if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
                        problems.add(here + ": must be a non-negative integer");
                    }
                }
                case "uniqueItems" -> {
                    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                        problems.add(here + ": must be a boolean");
                    }
                }
                case "pattern" -> {
                    if (!(value instanceof JsonString text)) {
                        problems.add(here + ": must be a string");
                    } else {
                        verifyPattern(text.getString(), here, problems);
                    }
                }
                case "$ref" -> {
                    if (!(value instanceof JsonString text)) {
                        problems.add(here + ": must be a string");
                    } else if (!text.getString().startsWith("#")) {
                        problems.add(here + ": only local references (#/$defs/...) are supported, was " + text.getString());
                    } else if (resolve(root, text.getString()) == null) {
                        problems.add(here + ": reference " + text.getString() + " does not resolve");
                    }
                }
                default -> throw new IllegalStateException("keyword without verification: " + key);
            }
        }
    }

    private static void verifyType(JsonValue value, String here, List<String> problems) {
        if (value instanceof JsonString text) {
            if (!TYPES.contains(text.getString())) {
                problems.add(here + ": unknown type '" + text.getString() + "'");
            }
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text) || !TYPES.contains(text.getString())) {
                    problems.add(here + ": unknown type " + item);
                }
            }
        } else {
            problems.add(here + ": must be a type name or a non-empty array of type names");
        }
    }

    private static void verifyPattern(String regex, String here, List<String> problems) {
        try {
            pattern(regex);
        } catch (PatternSyntaxException e) {
            problems.add(here + ": invalid regular expression: " + e.getDescription());
        }
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static JsonValue resolve(JsonValue root, String ref) {
        if ("#".equals(ref)) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonValue current = root;
        for (String raw : ref.substring(2).split("/", -1)) {
            String token = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("~1", "/").replace("~0", "~");
            if (current instanceof JsonObject object) {
                current = object.get(token);
            } else if (current instanceof JsonArray array && token.matches("\\d+") && Integer.parseInt(token) < array.size()) {
                current = array.get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** One validation run; keeps the root for {@code $ref}. */
    private record Evaluation(JsonValue root) {
        void check(JsonValue schema, JsonValue instance, String path, List<String> errors, int depth) {
            if (depth > MAX_EVALUATION_DEPTH) {
                errors.add(path + ": schema too deeply nested or recursive");
                return;
            }
            if (schema == JsonValue.TRUE || schema == null) {
                return;
            }
            if (schema == JsonValue.FALSE) {
                errors.add(path + ": no value is allowed here");
                return;
            }
            if (!(schema instanceof JsonObject s)) {
                return;
            }
            if (s.get("$ref") instanceof JsonString ref) {
                JsonValue target = resolve(root, ref.getString());
                if (target == null) {
                    errors.add(path + ": schema reference " + ref.getString() + " does not resolve");
                } else {
                    check(target, instance, path, errors, depth + 1);
                }
            }
            if (s.containsKey("type") && !typeMatches(s.get("type"), instance)) {
                errors.add(path + ": expected " + describeType(s.get("type")) + ", got " + typeOf(instance));
                return; // further keywords would only repeat the same problem
            }
            if (s.get("enum") instanceof JsonArray options && options.stream().noneMatch(o -> same(o, instance))) {
                errors.add(path + ": expected one of " + options + ", got " + preview(instance));
            }
            if (s.containsKey("const") && !same(s.get("const"), instance)) {
                errors.add(path + ": expected " + s.get("const") + ", got " + preview(instance));
            }
            switch (instance.getValueType()) {
                case NUMBER -> checkNumber(s, (JsonNumber) instance, path, errors);
                case STRING -> checkString(s, ((JsonString) instance).getString(), path, errors);
                case ARRAY -> checkArray(s, (JsonArray) instance, path, errors, depth);
                case OBJECT -> checkObject(s, (JsonObject) instance, path, errors, depth);
                default -> { }
            }
            combinators(s, instance, path, errors, depth);
        }

        private void combinators(JsonObject s, JsonValue instance, String path, List<String> errors, int depth) {
            if (s.get("allOf") instanceof JsonArray all) {
                for (JsonValue sub : all) {
                    check(sub, instance, path, errors, depth + 1);
                }
            }
            if (s.get("anyOf") instanceof JsonArray any) {
                List<String> firstErrors = null;
                boolean matched = false;
                for (JsonValue sub : any) {
                    List<String> subErrors = new ArrayList<>();
                    check(sub, instance, path, subErrors, depth + 1);
                    if (subErrors.isEmpty()) {
                        matched = true;
                        break;
                    }
                    if (firstErrors == null) {
                        firstErrors = subErrors;
                    }
                }
                if (!matched) {
                    errors.add(path + ": expected a value matching at least one of " + any.size()
                            + " alternatives (anyOf); first mismatch: " + String.join("; ", firstErrors));
                }
            }
            if (s.get("oneOf") instanceof JsonArray one) {
                int matches = 0;
                List<String> firstErrors = null;
                for (JsonValue sub : one) {
                    List<String> subErrors = new ArrayList<>();
                    check(sub, instance, path, subErrors, depth + 1);
                    if (subErrors.isEmpty()) {
                        matches++;
                    } else if (firstErrors == null) {
                        firstErrors = subErrors;
                    }
                }
                if (matches == 0) {
                    errors.add(path + ": expected a value matching exactly one of " + one.size()
                            + " alternatives (oneOf), matched none; first mismatch: " + String.join("; ", firstErrors));
                } else if (matches > 1) {
                    errors.add(path + ": expected a value matching exactly one of " + one.size()
                            + " alternatives (oneOf), matched " + matches);
                }
            }
            if (s.containsKey("not")) {
                List<String> subErrors = new ArrayList<>();
                check(s.get("not"), instance, path, subErrors, depth + 1);
                if (subErrors.isEmpty()) {
                    errors.add(path + ": expected a value not matching the 'not' schema");
                }
            }
        }

        private void checkNumber(JsonObject s, JsonNumber number, String path, List<String> errors) {
            BigDecimal value = number.bigDecimalValue();
            if (s.get("minimum") instanceof JsonNumber min && value.compareTo(min.bigDecimalValue()) < 0) {
                errors.add(path + ": expected a number >= " + min + ", got " + number);
            }
            if (s.get("maximum") instanceof JsonNumber max && value.compareTo(max.bigDecimalValue()) > 0) {
                errors.add(path + ": expected a number <= " + max + ", got " + number);
            }
            if (s.get("exclusiveMinimum") instanceof JsonNumber min && value.compareTo(min.bigDecimalValue()) <= 0) {
                errors.add(path + ": expected a number > " + min + ", got " + number);
            }
            if (s.get("exclusiveMaximum") instanceof JsonNumber max && value.compareTo(max.bigDecimalValue()) >= 0) {
                errors.add(path + ": expected a number < " + max + ", got " + number);
            }
            if (s.get("multipleOf") instanceof JsonNumber factor && factor.bigDecimalValue().signum() > 0
                    && value.remainder(factor.bigDecimalValue()).signum() != 0) {
                errors.add(path + ": expected a multiple of " + factor + ", got " + number);
            }
        }

        private void checkString(JsonObject s, String value, String path, List<String> errors) {
            int length = value.codePointCount(0, value.length());
            if (s.get("minLength") instanceof JsonNumber min && length < min.longValue()) {
                errors.add(path + ": expected at least " + min + " characters, got " + length);
            }
            if (s.get("maxLength") instanceof JsonNumber max && length > max.longValue()) {
                errors.add(path + ": expected at most " + max + " characters, got " + length);
            }
            if (s.get("pattern") instanceof JsonString regex) {
                try {
                    if (!pattern(regex.getString()).matcher(value).find()) {
                        errors.add(path + ": expected a string matching the pattern " + regex.getString());
                    }
                } catch (PatternSyntaxException e) {
                    errors.add(path + ": the schema's pattern is not a valid regular expression");
                }
            }
        }

        private void checkArray(JsonObject s, JsonArray array, String path, List<String> errors, int depth) {
            if (s.get("minItems") instanceof JsonNumber min && array.size() < min.longValue()) {
                errors.add(path + ": expected at least " + min + " items, got " + array.size());
            }
            if (s.get("maxItems") instanceof JsonNumber max && array.size() > max.longValue()) {
                errors.add(path + ": expected at most " + max + " items, got " + array.size());
            }
            if (s.get("uniqueItems") == JsonValue.TRUE) {
                outer:
                for (int i = 0; i < array.size(); i++) {
                    for (int j = i + 1; j < array.size(); j++) {
                        if (same(array.get(i), array.get(j))) {
                            errors.add(path + ": expected unique items, but items " + i + " and " + j + " are equal");
                            break outer;
                        }
                    }
                }
            }
            int prefix = 0;
            JsonValue tuple = s.get("prefixItems") instanceof JsonArray p ? p
                    : s.get("items") instanceof JsonArray legacy ? legacy : null;
            if (tuple instanceof JsonArray schemas) {
                prefix = Math.min(schemas.size(), array.size());
                for (int i = 0; i < prefix; i++) {
                    check(schemas.get(i), array.get(i), path + "[" + i + "]", errors, depth + 1);
                }
            }
            JsonValue items = s.get("items");
            if (items != null && !(items instanceof JsonArray)) {
                for (int i = prefix; i < array.size(); i++) {
                    check(items, array.get(i), path + "[" + i + "]", errors, depth + 1);
                }
            }
        }

        private void checkObject(JsonObject s, JsonObject object, String path, List<String> errors, int depth) {
            if (s.get("required") instanceof JsonArray required) {
                for (JsonValue name : required) {
                    if (name instanceof JsonString text && !object.containsKey(text.getString())) {
                        errors.add(child(path, text.getString()) + ": required property is missing");
                    }
                }
            }
            if (s.get("minProperties") instanceof JsonNumber min && object.size() < min.longValue()) {
                errors.add(path + ": expected at least " + min + " properties, got " + object.size());
            }
            if (s.get("maxProperties") instanceof JsonNumber max && object.size() > max.longValue()) {
                errors.add(path + ": expected at most " + max + " properties, got " + object.size());
            }
            JsonObject properties = s.get("properties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            JsonObject patterns = s.get("patternProperties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            JsonValue additional = s.get("additionalProperties");
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String name = entry.getKey();
                String childPath = child(path, name);
                boolean known = false;
                if (properties.containsKey(name)) {
                    known = true;
                    check(properties.get(name), entry.getValue(), childPath, errors, depth + 1);
                }
                for (Map.Entry<String, JsonValue> p : patterns.entrySet()) {
                    if (pattern(p.getKey()).matcher(name).find()) {
                        known = true;
                        check(p.getValue(), entry.getValue(), childPath, errors, depth + 1);
                    }
                }
                if (!known && additional != null) {
                    if (additional == JsonValue.FALSE) {
                        errors.add(childPath + ": unexpected property (allowed: "
                                + String.join(", ", properties.keySet()) + ")");
                    } else {
                        check(additional, entry.getValue(), childPath, errors, depth + 1);
                    }
                }
            }
        }
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? path + "." + name : path + "[\"" + name.replace("\"", "\\\"") + "\"]";
    }

    private static boolean typeMatches(JsonValue type, JsonValue instance) {
        if (type instanceof JsonString name) {
            return isType(name.getString(), instance);
        }
        if (type instanceof JsonArray names) {
            return names.stream().anyMatch(n -> n instanceof JsonString text && isType(text.getString(), instance));
        }
        return true;
    }

    private static boolean isType(String type, JsonValue instance) {
        return switch (type) {
            case "null" -> instance.getValueType() == JsonValue.ValueType.NULL;
            case "boolean" -> instance == JsonValue.TRUE || instance == JsonValue.FALSE;
            case "object" -> instance instanceof JsonObject;
            case "array" -> instance instanceof JsonArray;
            case "string" -> instance instanceof JsonString;
            case "number" -> instance instanceof JsonNumber;
            case "integer" -> instance instanceof JsonNumber n && isIntegral(n);
            default -> false;
        };
    }

    private static boolean isIntegral(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String describeType(JsonValue type) {
        if (type instanceof JsonArray names) {
            List<String> list = new ArrayList<>();
            names.forEach(n -> list.add(n instanceof JsonString s ? s.getString() : n.toString()));
            return String.join(" or ", list);
        }
        return type instanceof JsonString s ? s.getString() : type.toString();
    }

    static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "null";
            case TRUE, FALSE -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
        };
    }

    /** A short rendering for messages: strings may carry user content, so only a prefix is shown. */
    private static String preview(JsonValue value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** JSON equality with numbers compared by value (1 equals 1.0). */
    static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            Set<String> keys = new HashSet<>(x.keySet());
            return keys.stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        return a.equals(b);
    }
}
