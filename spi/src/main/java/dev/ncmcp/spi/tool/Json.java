package dev.ncmcp.spi.tool;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once: {@code jakarta.json.Json.create…} scans the class path on every call. */
final class Json {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }
}
