package dev.ncmcp.simulator;

import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transport-independent HTTP response: status, ordered headers, body bytes.
 */
public final class SimResponse {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String HTML = "text/html; charset=UTF-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private SimResponse(int status) {
        this.status = status;
    }

    public static SimResponse status(int status) {
        return new SimResponse(status);
    }

    /** JSON the way PHP's {@code json_encode} writes it. */
    public static SimResponse json(int status, JsonValue value) {
        return new SimResponse(status).header("Content-Type", JSON).body(PhpJson.bytes(value));
    }

    public static SimResponse xml(int status, String xml) {
        return new SimResponse(status).header("Content-Type", XML).body(xml);
    }

    public static SimResponse html(int status, String html) {
        return new SimResponse(status).header("Content-Type", HTML).body(html);
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public SimResponse body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public SimResponse body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
