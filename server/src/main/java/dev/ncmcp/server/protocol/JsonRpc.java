package dev.ncmcp.server.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 codec: parses and checks the shape of incoming messages, builds outgoing ones. */
public final class JsonRpc {
    public static final String VERSION = "2.0";

    private JsonRpc() {
    }

    /**
     * Parses one POSTed body.
     *
     * @throws McpError -32700 when the body is not JSON, -32600 when it is JSON but not a single request,
     *                  notification or response
     */
    public static Message parse(byte[] body) throws McpError {
        JsonValue value;
        try {
            value = Jsons.read(body);
        } catch (JsonException | IllegalStateException e) {
            throw McpError.parse();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw McpError.invalidRequest("batches are not supported; send one message per POST");
        }
        if (!(value instanceof JsonObject message)) {
            throw McpError.invalidRequest("the body must be a JSON-RPC message object");
        }
        if (!(message.get("jsonrpc") instanceof JsonString version) || !VERSION.equals(version.getString())) {
            throw McpError.invalidRequest("\"jsonrpc\" must be \"2.0\"");
        }
        JsonValue method = message.get("method");
        if (method == null) {
            if ((message.containsKey("result") || message.containsKey("error")) && message.containsKey("id")) {
                return new Message.ClientResponse(message.get("id"), message);
            }
            throw McpError.invalidRequest("\"method\" is missing");
        }
        if (!(method instanceof JsonString methodName)) {
            throw McpError.invalidRequest("\"method\" must be a string");
        }
        JsonValue params = message.get("params");
        if (params != null && !(params instanceof JsonObject)) {
            throw McpError.invalidRequest("\"params\" must be an object");
        }
        JsonObject paramsObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) params;
        if (!message.containsKey("id")) {
            return new Message.Notification(methodName.getString(), paramsObject);
        }
        JsonValue id = message.get("id");
        if (!validId(id)) {
            throw McpError.invalidRequest("\"id\" must be a string or an integer");
        }
        return new Message.Request(id, methodName.getString(), paramsObject);
    }

    public static boolean validId(JsonValue id) {
        return id instanceof JsonString || id instanceof JsonNumber number && number.isIntegral();
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsons.object().add("jsonrpc", VERSION).add("id", id).add("result", result).build();
    }

    /** An error response; {@code id} null gives {@code "id": null}. */
    public static JsonObject error(JsonValue id, McpError error) {
        return Jsons.object().add("jsonrpc", VERSION).add("id", id == null ? JsonValue.NULL : id)
                .add("error", errorObject(error)).build();
    }

    /** An error response without an {@code id} member, as the transport allows for rejected requests. */
    public static JsonObject errorWithoutId(McpError error) {
        return Jsons.object().add("jsonrpc", VERSION).add("error", errorObject(error)).build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        return Jsons.object().add("jsonrpc", VERSION).add("method", method).add("params", params).build();
    }

    private static JsonObject errorObject(McpError error) {
        JsonObjectBuilder builder = Jsons.object().add("code", error.code()).add("message", error.getMessage());
        if (error.data() != null) {
            builder.add("data", error.data());
        }
        return builder.build();
    }
}
