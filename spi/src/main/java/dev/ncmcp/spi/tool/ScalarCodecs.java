package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Strings, integers, numbers, booleans and dates. */
final class ScalarCodecs {

    private ScalarCodecs() {
    }

    static final Codec STRING = new Codec() {
        @Override
        public JsonObjectBuilder schema() {
            return Json.object().add("type", "string");
        }

        @Override
        public Object read(JsonValue json, String path) throws ToolException {
            if (json instanceof JsonString text) {
                return text.getString();
            }
            throw Codec.mismatch(path, "a string");
        }

        @Override
        public JsonValue write(Object value) {
            return Json.PROVIDER.createValue((String) value);
        }

        @Override
        public String lengthKeyword() {
            return "Length";
        }

        @Override
        public Object parseDefault(String text) {
            return text;
        }
    };

    static final Codec BOOLEAN = new Codec() {
        @Override
        public JsonObjectBuilder schema() {
            return Json.object().add("type", "boolean");
        }

        @Override
        public Object read(JsonValue json, String path) throws ToolException {
            if (json == JsonValue.TRUE || json == JsonValue.FALSE) {
                return json == JsonValue.TRUE;
            }
            throw Codec.mismatch(path, "true or false");
        }

        @Override
        public JsonValue write(Object value) {
            return (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
        }

        @Override
        public Object parseDefault(String text) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("a boolean default must be true or false, was " + text);
            }
            return Boolean.valueOf(text);
        }
    };

    static final Codec DOUBLE = new Codec() {
        @Override
        public JsonObjectBuilder schema() {
            return Json.object().add("type", "number");
        }

        @Override
        public Object read(JsonValue json, String path) throws ToolException {
            if (json instanceof JsonNumber number) {
                return number.doubleValue();
            }
            throw Codec.mismatch(path, "a number");
        }

        @Override
        public JsonValue write(Object value) {
            return Json.PROVIDER.createValue(((Number) value).doubleValue());
        }

        @Override
        public boolean numeric() {
            return true;
        }

        @Override
        public Object parseDefault(String text) {
            return Double.valueOf(text);
        }
    };

    static final Codec INSTANT = new Codec() {
        @Override
        public JsonObjectBuilder schema() {
            return Json.object().add("type", "string").add("format", "date-time");
        }

        @Override
        public Object read(JsonValue json, String path) throws ToolException {
            if (json instanceof JsonString text) {
                try {
                    return OffsetDateTime.parse(text.getString()).toInstant();
                } catch (DateTimeParseException e) {
                    throw Codec.mismatch(path, "an ISO-8601 date and time with an offset, e.g. 2026-12-04T16:30:00Z");
                }
            }
            throw Codec.mismatch(path, "an ISO-8601 date and time string");
        }

        @Override
        public JsonValue write(Object value) {
            return Json.PROVIDER.createValue(((Instant) value).toString());
        }
    };

    static final Codec LOCAL_DATE = new Codec() {
        @Override
        public JsonObjectBuilder schema() {
            return Json.object().add("type", "string").add("format", "date");
        }

        @Override
        public Object read(JsonValue json, String path) throws ToolException {
            if (json instanceof JsonString text) {
                try {
                    return LocalDate.parse(text.getString());
                } catch (DateTimeParseException e) {
                    throw Codec.mismatch(path, "a date like 2026-12-04");
                }
            }
            throw Codec.mismatch(path, "a date string like 2026-12-04");
        }

        @Override
        public JsonValue write(Object value) {
            return Json.PROVIDER.createValue(value.toString());
        }
    };

    /** {@code int}, {@code long} and their boxes; JSON numbers with a zero fraction (5.0) count as integers. */
    static Codec integer(Class<?> type) {
        boolean isInt = type == int.class || type == Integer.class;
        return new Codec() {
            @Override
            public JsonObjectBuilder schema() {
                return Json.object().add("type", "integer");
            }

            @Override
            public Object read(JsonValue json, String path) throws ToolException {
                if (json instanceof JsonNumber number) {
                    try {
                        BigDecimal exact = number.bigDecimalValue().stripTrailingZeros();
                        return isInt ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
                    } catch (ArithmeticException e) {
                        throw Codec.mismatch(path, isInt ? "a whole number of at most 10 digits" : "a whole number");
                    }
                }
                throw Codec.mismatch(path, "a whole number");
            }

            @Override
            public JsonValue write(Object value) {
                return Json.PROVIDER.createValue(((Number) value).longValue());
            }

            @Override
            public boolean numeric() {
                return true;
            }

            @Override
            public Object parseDefault(String text) {
                return isInt ? (Object) Integer.valueOf(text) : (Object) Long.valueOf(text);
            }
        };
    }
}
