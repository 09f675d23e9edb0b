package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Converts one Java type to and from JSON and describes it as JSON Schema. Built once, at load time. */
interface Codec {

    /** The JSON Schema of the type itself, without description or constraints. */
    JsonObjectBuilder schema();

    /**
     * Reads a value the server already validated against {@link #schema()}; still checks the JSON type, so a
     * call that bypassed validation fails with a clear argument error instead of a cast exception.
     *
     * @param path where the value sits in the arguments, for messages ({@code entries[2].name})
     */
    Object read(JsonValue json, String path) throws ToolException;

    JsonValue write(Object value);

    /** Which {@code Length} keywords apply: {@code minLength}/{@code maxLength} or {@code minItems}/{@code maxItems}. */
    default String lengthKeyword() {
        return null;
    }

    /** Whether {@link Range} applies. */
    default boolean numeric() {
        return false;
    }

    /** The value of a collection argument left out (empty), or null for types that have none. */
    default Object empty() {
        return null;
    }

    /** Reads an {@link Default} value written as text. */
    default Object parseDefault(String text) {
        throw new IllegalArgumentException("@Default is not supported for this type");
    }

    static ToolException mismatch(String path, String expected) {
        return ToolException.invalidArgument("'" + path + "' must be " + expected);
    }
}
