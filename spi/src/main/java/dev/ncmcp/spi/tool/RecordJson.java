package dev.ncmcp.spi.tool;

import jakarta.json.JsonObject;

/**
 * A result record as JSON, written exactly as {@code structuredContent} is: for JSON outside a result, such as
 * the current version a conflict carries ({@link dev.ncmcp.spi.nextcloud.Answer#current}).
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
