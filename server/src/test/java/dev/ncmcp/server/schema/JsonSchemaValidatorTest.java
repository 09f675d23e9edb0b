package dev.ncmcp.server.schema;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

class JsonSchemaValidatorTest {
    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static List<String> check(String schema, String instance) {
        return JsonSchemaValidator.validate(json(schema), json(instance), "arguments");
    }

    private static void valid(String schema, String instance) {
        assertThat(schema + " / " + instance, check(schema, instance), is(empty()));
    }

    private static void invalid(String schema, String instance, String message) {
        List<String> errors = check(schema, instance);
        assertThat(schema + " / " + instance, errors, hasSize(1));
        assertThat(errors.get(0), is(message));
    }

    @Test
    void typeDistinguishesIntegerFromNumberAndAcceptsTypeArrays() {
        valid("{\"type\": \"integer\"}", "3");
        valid("{\"type\": \"integer\"}", "3.0");
        invalid("{\"type\": \"integer\"}", "3.5", "arguments: expected integer, got number");
        valid("{\"type\": \"number\"}", "3.5");
        invalid("{\"type\": \"string\"}", "5", "arguments: expected string, got number");
        valid("{\"type\": [\"string\", \"null\"]}", "null");
        invalid("{\"type\": [\"string\", \"null\"]}", "true", "arguments: expected string or null, got boolean");
        invalid("{\"type\": \"object\"}", "[]", "arguments: expected object, got array");
    }

    @Test
    void propertiesRequiredAndAdditionalProperties() {
        String schema = "{\"type\": \"object\", \"properties\": {\"title\": {\"type\": \"string\"}},"
                + " \"required\": [\"title\"], \"additionalProperties\": false}";
        valid(schema, "{\"title\": \"x\"}");
        invalid(schema, "{}", "arguments.title: required property is missing");
        invalid(schema, "{\"title\": 5}", "arguments.title: expected string, got number");
        invalid(schema, "{\"title\": \"x\", \"other\": 1}", "arguments.other: unexpected property (allowed: title)");
        invalid("{\"additionalProperties\": {\"type\": \"integer\"}}", "{\"a\": \"x\"}",
                "arguments.a: expected integer, got string");
        invalid("{\"patternProperties\": {\"^n_\": {\"type\": \"integer\"}}}", "{\"n_a\": \"x\"}",
                "arguments.n_a: expected integer, got string");
        invalid("{\"properties\": {\"a b\": {\"type\": \"integer\"}}}", "{\"a b\": \"x\"}",
                "arguments[\"a b\"]: expected integer, got string");
    }

    @Test
    void enumAndConstCompareNumbersByValue() {
        valid("{\"enum\": [1, \"a\"]}", "1.0");
        invalid("{\"enum\": [1, \"a\"]}", "2", "arguments: expected one of [1,\"a\"], got 2");
        valid("{\"const\": {\"a\": [1]}}", "{\"a\": [1.0]}");
        invalid("{\"const\": \"x\"}", "\"y\"", "arguments: expected \"x\", got \"y\"");
    }

    @Test
    void numericBounds() {
        invalid("{\"minimum\": 1}", "0", "arguments: expected a number >= 1, got 0");
        invalid("{\"maximum\": 1}", "2", "arguments: expected a number <= 1, got 2");
        invalid("{\"exclusiveMinimum\": 1}", "1", "arguments: expected a number > 1, got 1");
        invalid("{\"exclusiveMaximum\": 1}", "1", "arguments: expected a number < 1, got 1");
        invalid("{\"multipleOf\": 0.5}", "1.2", "arguments: expected a multiple of 0.5, got 1.2");
        valid("{\"minimum\": 1, \"maximum\": 2}", "\"not a number\"");
    }

    @Test
    void stringLengthCountsCodePointsAndPatternSearches() {
        valid("{\"maxLength\": 1}", "\"😀\"");
        invalid("{\"minLength\": 2}", "\"a\"", "arguments: expected at least 2 characters, got 1");
        invalid("{\"maxLength\": 2}", "\"abc\"", "arguments: expected at most 2 characters, got 3");
        valid("{\"pattern\": \"b\"}", "\"abc\"");
        invalid("{\"pattern\": \"^[0-9]+$\"}", "\"12a\"", "arguments: expected a string matching the pattern ^[0-9]+$");
        valid("{\"format\": \"email\"}", "\"not an email\"");
    }

    @Test
    void arrays() {
        invalid("{\"items\": {\"type\": \"string\"}}", "[\"a\", 1]", "arguments[1]: expected string, got number");
        invalid("{\"minItems\": 2}", "[1]", "arguments: expected at least 2 items, got 1");
        invalid("{\"maxItems\": 1}", "[1, 2]", "arguments: expected at most 1 items, got 2");
        invalid("{\"uniqueItems\": true}", "[1, 2, 1.0]", "arguments: expected unique items, but items 0 and 2 are equal");
        invalid("{\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"integer\"}}", "[\"a\", \"b\"]",
                "arguments[1]: expected integer, got string");
    }

    @Test
    void combinators() {
        String anyOf = "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}";
        valid(anyOf, "1");
        assertThat(check(anyOf, "true").get(0), startsWith("arguments: expected a value matching at least one of 2"));
        String oneOf = "{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}";
        valid(oneOf, "1.5");
        assertThat(check(oneOf, "1").get(0), containsString("matched 2"));
        invalid("{\"allOf\": [{\"type\": \"integer\"}, {\"minimum\": 3}]}", "2", "arguments: expected a number >= 3, got 2");
        invalid("{\"not\": {\"type\": \"null\"}}", "null", "arguments: expected a value not matching the 'not' schema");
        valid("true", "{}");
        invalid("false", "{}", "arguments: no value is allowed here");
    }

    @Test
    void localReferencesResolveIntoDefsAndDefinitions() {
        String schema = "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/id\"},"
                + " \"b\": {\"$ref\": \"#/definitions/name\"}},"
                + " \"$defs\": {\"id\": {\"type\": \"integer\"}}, \"definitions\": {\"name\": {\"type\": \"string\"}}}";
        valid(schema, "{\"a\": 1, \"b\": \"x\"}");
        assertThat(check(schema, "{\"a\": \"1\", \"b\": 2}"), contains(
                "arguments.a: expected integer, got string", "arguments.b: expected string, got number"));
        String recursive = "{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/node\"}}}},"
                + " \"$ref\": \"#/$defs/node\"}";
        invalid(recursive, "{\"next\": {\"next\": 1}}", "arguments.next.next: expected object, got number");
    }

    @Test
    void verifyAcceptsTheSupportedSubsetAndAnnotations() {
        JsonObject schema = json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "title": "t", "description": "d",
                 "properties": {"a": {"type": "string", "format": "date", "default": "x", "examples": ["y"],
                                      "x-mcp-header": "A", "pattern": "^[a-z]+$"},
                                "b": {"$ref": "#/$defs/b"}},
                 "$defs": {"b": {"anyOf": [{"type": "integer"}, {"type": "null"}]}},
                 "required": ["a"], "additionalProperties": false}""").asJsonObject();
        assertThat(JsonSchemaValidator.verify(schema), is(empty()));
    }

    @Test
    void verifyRejectsUnknownKeywordsForeignRefsDialectsAndBadValues() {
        JsonObject schema = json("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                 "properties": {"a": {"type": "strin"}, "b": {"$ref": "https://example.com/s.json"},
                                "c": {"if": {}}, "d": {"pattern": "("}, "e": {"$ref": "#/$defs/missing"},
                                "f": {"minLength": -1}, "g": {"required": "a"}}}""").asJsonObject();
        List<String> problems = JsonSchemaValidator.verify(schema);
        assertThat(problems, hasItem(startsWith("/$schema: only JSON Schema 2020-12 or draft-07")));
        assertThat(problems, hasItem("/properties/a/type: unknown type 'strin'"));
        assertThat(problems, hasItem(startsWith("/properties/b/$ref: only local references")));
        assertThat(problems, hasItem(startsWith("/properties/c/if: unsupported keyword 'if'")));
        assertThat(problems, hasItem(startsWith("/properties/d/pattern: invalid regular expression")));
        assertThat(problems, hasItem("/properties/e/$ref: reference #/$defs/missing does not resolve"));
        assertThat(problems, hasItem("/properties/f/minLength: must be a non-negative integer"));
        assertThat(problems, hasItem("/properties/g/required: must be an array of strings"));
        assertThat(problems, hasSize(8));
    }

    @Test
    void verifyBoundsDepth() {
        String deep = "{\"type\": \"string\"}";
        for (int i = 0; i < 40; i++) {
            deep = "{\"properties\": {\"a\": " + deep + "}}";
        }
        assertThat(JsonSchemaValidator.verify(json(deep).asJsonObject()),
                hasItem(containsString("nested deeper than 32")));
    }
}
