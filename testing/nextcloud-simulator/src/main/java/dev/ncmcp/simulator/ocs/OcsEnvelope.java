package dev.ncmcp.simulator.ocs;

import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.XmlEscape;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Map;

/**
 * Renders OCS answers ({@code {"ocs":{"meta":…,"data":…}}}) as JSON or as Nextcloud's XML, for
 * API v1 (HTTP 200, success code 100, totalitems/itemsperpage) or v2 (HTTP status = statuscode).
 */
public final class OcsEnvelope {
    public static final String INVALID_QUERY = "Invalid query, please check the syntax. API specifications are here: "
            + "http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n";

    private final boolean v1;
    private final boolean json;

    OcsEnvelope(boolean v1, boolean json) {
        this.v1 = v1;
        this.json = json;
    }

    /** Chooses version from the path and format from {@code ?format=} or the Accept header. */
    public static OcsEnvelope forRequest(SimRequest request) {
        boolean v1 = request.path().startsWith("/ocs/v1.php");
        String format = request.queryParam("format").orElse(null);
        boolean json = format != null
                ? format.equalsIgnoreCase("json")
                : request.header("Accept").map(a -> a.toLowerCase(Locale.ROOT).contains("application/json")).orElse(false);
        return new OcsEnvelope(v1, json);
    }

    OcsEnvelope asXml() {
        return new OcsEnvelope(v1, false);
    }

    public SimResponse ok(JsonValue data) {
        return render(200, "ok", v1 ? 100 : 200, "OK", data);
    }

    /** An OCS failure; v1 keeps HTTP 200 except for the authentication/maintenance codes. */
    public SimResponse failure(int statuscode, String message) {
        return failure(statuscode, message, JsonValue.EMPTY_JSON_ARRAY);
    }

    /** An OCS failure whose {@code data} says more, as Tables' {@code {"message": …}}. */
    public SimResponse failure(int statuscode, String message, JsonValue data) {
        int http = switch (statuscode) {
            case 996 -> 500;
            case 997 -> 401;
            case 998 -> 404;
            default -> statuscode >= 100 && statuscode <= 599 ? statuscode : 400;
        };
        if (v1 && statuscode != 997 && statuscode != 503) {
            http = 200;
        }
        return render(http, "failure", statuscode, message, data);
    }

    private SimResponse render(int http, String status, int statuscode, String message, JsonValue data) {
        JsonObjectBuilder meta = Json.createObjectBuilder()
                .add("status", status).add("statuscode", statuscode).add("message", message);
        if (v1) {
            meta.add("totalitems", "").add("itemsperpage", "");
        }
        JsonObject meta0 = meta.build();
        if (json) {
            JsonObject body = Json.createObjectBuilder()
                    .add("ocs", Json.createObjectBuilder().add("meta", meta0).add("data", data)).build();
            return SimResponse.json(http, body);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<ocs>\n");
        element(xml, "meta", meta0, 1);
        element(xml, "data", data, 1);
        xml.append("</ocs>\n");
        return SimResponse.xml(http, xml.toString());
    }

    /** Nextcloud's array-to-XML conversion: true → 1, false/"" → empty element, null/[] → self-closing. */
    private static void element(StringBuilder out, String name, JsonValue value, int depth) {
        String indent = " ".repeat(depth);
        String tag = name.matches("\\d+") ? "element" : name;
        switch (value.getValueType()) {
            case OBJECT, ARRAY -> {
                boolean empty = value instanceof JsonObject o ? o.isEmpty() : ((JsonArray) value).isEmpty();
                if (empty) {
                    out.append(indent).append('<').append(tag).append("/>\n");
                    return;
                }
                out.append(indent).append('<').append(tag).append(">\n");
                if (value instanceof JsonObject o) {
                    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                        element(out, e.getKey(), e.getValue(), depth + 1);
                    }
                } else {
                    for (JsonValue v : (JsonArray) value) {
                        element(out, "element", v, depth + 1);
                    }
                }
                out.append(indent).append("</").append(tag).append(">\n");
            }
            case NULL -> out.append(indent).append('<').append(tag).append("/>\n");
            default -> out.append(indent).append('<').append(tag).append('>')
                    .append(XmlEscape.text(text(value))).append("</").append(tag).append(">\n");
        }
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "1";
            default -> "";
        };
    }
}
