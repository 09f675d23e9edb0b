package dev.ncmcp.spi.tool;

import jakarta.json.JsonObject;

/**
 * A result record as JSON, written exactly as a tool returns it: for the details of an error (the current
 * version of an object in a conflict), or for a resource that serves the same shape as a tool.
 */
public final class RecordJson {

    private static final ClassValue<RecordCodec> CODECS = new ClassValue<>() {
        @Override
        protected RecordCodec computeValue(Class<?> type) {
            return RecordCodec.of(type, Codecs.Side.RESULT, RecordCodec.fresh());
        }
    };

    private RecordJson() {
    }

    public static JsonObject of(Record value) {
        return CODECS.get(value.getClass()).write(value).asJsonObject();
    }
}
