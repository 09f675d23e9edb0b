package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays captured exchanges in order against one simulator and compares the answers. Values that
 * differ per run (ids, ETags, timestamps, chunk cursors) are learned from each answer and mapped
 * into the following requests.
 *
 * <p>Ids are learned per kind of object, since kinds have their own id sequences (Deck's card 14 sits on its
 * stack 14): the kind is the collection an id was listed under ({@code labels[0].id}) or, for the answer itself,
 * the last collection the request path names ({@code …/stacks/14/cards} answers a card). A path segment after a
 * collection name ({@code cards/14}) and a body field named after one ({@code "labelId": 39}) are mapped by kind.
 *
 * <p>Ids are also kept per Nextcloud version of the captures: the 29 and the 31 run numbered their objects
 * differently, so the same number can name different objects in a 29 and a 31 capture (Tables' column 10 is "Item"
 * in one and "Quantity" in the other). Strings with volatile parts are compared by {@link VolatileText}.
 */
final class CaptureReplayer {
    static final String BOB_PASSWORD = "bob-app-password-for-replay";
    static final String ADMIN_PASSWORD = "admin-password";
    /** Values that differ per run; "delay" is the brute-force delay, non-zero after the failed-login captures. */
    private static final Set<String> VOLATILE_KEYS = Set.of("id", "modified", "etag", "lastLogin", "lastLoginTimestamp",
                                                          "firstLoginTimestamp", "delay", "ETag", "creationDateTime",
                                                          "requestId", "overdue", "stime", "item_mtime",
                                                          "item_source", "file_source", "file_parent");
    /**
     * Timestamps that vary per run but whose being set does not: 0 (or null) stays 0, a time stays a time. Deck's
     * {@code overdue} (above) depends on today's date against the captured due dates, so it is not compared.
     */
    private static final Set<String> TIMESTAMP_KEYS = Set.of("lastModified", "createdAt", "deletedAt");
    /** Where a name does not say the kind: a reply's parent is a comment, a comment's object a card. */
    private static final Map<String, String> KIND_ALIASES = Map.of("replyTo", "comments", "parents", "comments",
            "objects", "cards");
    private static final Pattern KIND = Pattern.compile("[a-z_]+s");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final List<String> EXACT_HEADERS = List.of("Content-Type", "X-Notes-API-Versions", "WWW-Authenticate",
            "Retry-After", "X-Nextcloud-Maintenance-Mode", "Allow", "DAV", "X-Notes-Chunk-Pending", "Content-Disposition");
    private static final List<String> PRESENT_HEADERS = List.of("ETag", "OC-ETag", "OC-FileId", "Location",
                                                                "X-Notes-Chunk-Cursor");
    private static final Pattern XML_TAG = Pattern.compile("<([A-Za-z][\\w.:-]*)");
    private static final Pattern DAV_STATUS = Pattern.compile("HTTP/1\\.1 \\d{3}[^<]*");
    private static final Pattern REDACTED_BASIC = Pattern.compile("Basic REDACTED-(\\d+)");
    private static final Pattern NC31_SHARE_KEYS = Pattern.compile(
            "(?m)^\\s*(\"(is-mount-root|mount-type)\": [^,\\n]*,|<(is-mount-root|mount-type)>[^<]*</\\3>)\\n");

    private final NextcloudSimulator sim;
    private final HttpClient client = HttpClient.newHttpClient();
    /** Captured id → the simulator's, per version of the captures (true: Nextcloud 29). */
    private final Map<Boolean, Map<String, String>> idsByVersion = Map.of(true, new HashMap<>(), false, new HashMap<>());
    /** Ids by kind: {@code "cards:14"} → the simulator's id, per version of the captures. */
    private final Map<Boolean, Map<String, String>> kindedByVersion = Map.of(true, new HashMap<>(), false,
            new HashMap<>());
    /** The maps of the capture being replayed or compared. */
    private Map<String, String> ids = idsByVersion.get(false);
    private Map<String, String> kinded = kindedByVersion.get(false);
    /** Texts of the captured answers that differ per run, such as a request id quoted in a message. */
    private final Map<String, String> texts = new HashMap<>();
    /** The kind of the objects the current request answers with. */
    private String answerKind;
    private final Map<String, String> tokens = new HashMap<>();

    CaptureReplayer(NextcloudSimulator sim) {
        this.sim = sim;
    }

    void replay(CapturedExchange ex) throws IOException, InterruptedException {
        replay(ex, List.of());
    }

    /**
     * Replays {@code ex}; {@code aliases} are the other-version captures of the same step, whose ids
     * and ETags are mapped to the actual ones too (later files of that version refer to them).
     */
    void replay(CapturedExchange ex, List<CapturedExchange> aliases) throws IOException, InterruptedException {
        aliases.forEach(alias -> alignIds(ex, alias));
        use(ex);
        answerKind = lastKind(ex.target());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + mapTarget(ex.target())));
        ex.requestHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                request.header(name, mapHeader(ex, name, value));
            }
        });
        request.method(ex.method(), ex.requestBody().isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(mapBody(ex.requestBody())));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

        List<String> problems = new ArrayList<>();
        if (response.statusCode() != ex.status()) {
            problems.add("status " + response.statusCode() + " != captured " + ex.status());
        }
        compareHeaders(ex, response, problems);
        compareBodies(ex, response, problems);
        for (CapturedExchange alias : aliases) {
            List<String> ignored = new ArrayList<>();
            use(alias);
            compareHeaders(alias, response, ignored);
            compareBodies(alias, response, ignored);
        }
        use(ex);
        if (!problems.isEmpty()) {
            fail(ex.file() + " (" + ex.description() + "):\n  " + String.join("\n  ", problems)
                 + "\n  actual body: " + response.body());
        }
    }

    /** Switches to the id maps of the version {@code ex} was captured on. */
    private void use(CapturedExchange ex) {
        ids = idsByVersion.get(isNc29(ex));
        kinded = kindedByVersion.get(isNc29(ex));
    }

    private static boolean isNc29(CapturedExchange ex) {
        return ex.file().contains("-nc29");
    }

    private String mapTarget(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        List<String> segments = new ArrayList<>();
        String previous = "";
        for (String segment : path.split("/", -1)) {
            boolean afterKind = KIND.matcher(previous).matches() && NUMBER.matcher(segment).matches();
            segments.add(afterKind ? kinded.getOrDefault(previous + ":" + segment, segment)
                    : ids.getOrDefault(segment, segment));
            previous = segment;
        }
        String result = String.join("/", segments);
        if (query != null) {
            List<String> params = new ArrayList<>();
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                String key = eq < 0 ? p : p.substring(0, eq);
                String value = eq < 0 ? "" : p.substring(eq + 1);
                if (key.equals("pruneBefore")) {
                    value = Long.toString(Instant.now().getEpochSecond() + 5);
                }
                value = tokens.getOrDefault(value, value);
                params.add(eq < 0 ? key : key + "=" + value);
            }
            result += "?" + String.join("&", params);
        }
        return result;
    }

    /**
     * A JSON body's ids mapped to the simulator's: {@code xxxId} numbers as ids of kind {@code xxxs}, an
     * {@code "id": "91"}, and object keys that are ids ({@code "data": {"10": "Apples"}}); other bodies as they are.
     */
    private String mapBody(String body) {
        JsonValue parsed;
        try {
            parsed = parseJson(body);
        } catch (RuntimeException notJson) {
            return body;
        }
        JsonValue mapped = mapIds(parsed);
        return mapped.equals(parsed) ? body : mapped.toString();
    }

    private JsonValue mapIds(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        JsonObjectBuilder mapped = Json.createObjectBuilder();
        object.forEach((key, field) -> {
            String name = NUMBER.matcher(key).matches() ? ids.getOrDefault(key, key) : key;
            String kindedId = key.endsWith("Id") && field instanceof JsonNumber number
                    ? kinded.get(kind(key.substring(0, key.length() - 2) + "s") + ":" + number) : null;
            boolean idText = key.equals("id") && field instanceof JsonString text && ids.containsKey(text.getString());
            mapped.add(name, kindedId != null ? Json.createValue(Long.parseLong(kindedId))
                    : idText ? Json.createValue(ids.get(((JsonString) field).getString())) : mapIds(field));
        });
        return mapped.build();
    }

    /**
     * A Nextcloud 29 capture names the objects its own run created ({@code boards/7}); the Nextcloud 31 capture of
     * the same step names the same objects by that run's ids ({@code boards/10}), which are known by now.
     */
    private void alignIds(CapturedExchange ex, CapturedExchange alias) {
        String[] mine = ex.target().split("\\?")[0].split("/");
        String[] twin = alias.target().split("\\?")[0].split("/");
        Map<String, String> mineKinded = kindedByVersion.get(isNc29(ex));
        Map<String, String> twinKinded = kindedByVersion.get(isNc29(alias));
        if (mine.length != twin.length) {
            return;
        }
        for (int i = 1; i < mine.length; i++) {
            boolean ids = NUMBER.matcher(mine[i]).matches() && NUMBER.matcher(twin[i]).matches();
            if (ids && mine[i - 1].equals(twin[i - 1]) && KIND.matcher(mine[i - 1]).matches()) {
                String known = twinKinded.get(mine[i - 1] + ":" + twin[i]);
                if (known != null) {
                    mineKinded.putIfAbsent(mine[i - 1] + ":" + mine[i], known);
                }
            }
        }
    }

    /** The last collection a request path names: {@code …/stacks/14/cards/14/reorder} → cards. */
    private static String lastKind(String target) {
        String kind = "";
        for (String segment : target.split("\\?")[0].split("/")) {
            if (KIND.matcher(segment).matches()) {
                kind = segment;
            }
        }
        return kind(kind);
    }

    /** The kind of an id at a JSON path such as {@code $[0].cards[1].labels[0].id}: its nearest named collection. */
    private String kindAt(String path) {
        String kind = answerKind;
        for (String part : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (!part.equals("$") && !part.equals("ocs") && !part.equals("data") && !part.equals("id")) {
                kind = kind(part);
            }
        }
        return kind;
    }

    private static String kind(String name) {
        return KIND_ALIASES.getOrDefault(name, name);
    }

    private String mapHeader(CapturedExchange ex, String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            Matcher m = REDACTED_BASIC.matcher(value);
            if (m.matches()) {
                int length = Integer.parseInt(m.group(1));
                // an admin app password is as long as bob's: the capture's description says whose it is
                String credentials = ex.description().contains("as admin") ? "admin:" + ADMIN_PASSWORD : switch (length) {
                    case 104 -> "bob:" + BOB_PASSWORD;
                    case 28 -> "nosuchuser:whatever";
                    default -> "bob:wrong-password";
                };
                return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            }
            return value;
        }
        if (name.equalsIgnoreCase("Destination")) {
            return value.replaceFirst("^http://127\\.0\\.0\\.1:80(85|80)", sim.baseUrl());
        }
        if (name.equalsIgnoreCase("If-Match") || name.equalsIgnoreCase("If-None-Match")) {
            String bare = value.replace("\"", "");
            return tokens.containsKey(bare) ? "\"" + tokens.get(bare) + "\"" : value;
        }
        return value;
    }

    private void compareHeaders(CapturedExchange ex, HttpResponse<String> response, List<String> problems) {
        for (String name : EXACT_HEADERS) {
            String expected = ex.header(ex.responseHeaders(), name);
            if (expected != null) {
                String actual = response.headers().firstValue(name).orElse(null);
                if (!expected.equals(actual)) {
                    problems.add("header " + name + ": '" + actual + "' != captured '" + expected + "'");
                }
            }
        }
        for (String name : PRESENT_HEADERS) {
            String expected = ex.header(ex.responseHeaders(), name);
            if (expected != null) {
                String actual = response.headers().firstValue(name).orElse(null);
                if (actual == null) {
                    problems.add("header " + name + " missing");
                } else {
                    tokens.put(expected.replace("\"", ""), actual.replace("\"", ""));
                }
            }
        }
    }

    private void compareBodies(CapturedExchange ex, HttpResponse<String> response, List<String> problems) {
        String expected = ex.responseBody().replace("127.0.0.1:8085", hostPort()).replace("127.0.0.1:8080", hostPort());
        if (sim.version() == NextcloudVersion.NC29 && !ex.file().contains("-nc29")) {
            // the one documented notes difference: default noteMode "edit" on NC29 (README)
            expected = expected.replace("\"noteMode\": \"rich\"", "\"noteMode\": \"edit\"");
            // Nextcloud 29 shares have no mount keys (sharing/01-nc29, 02-nc29, 05-nc29, 09-nc29)
            expected = NC31_SHARE_KEYS.matcher(expected).replaceAll("");
        }
        String actual = response.body();
        String contentType = String.valueOf(ex.header(ex.responseHeaders(), "Content-Type"));
        if (expected.isEmpty()) {
            if (!actual.isEmpty() && !contentType.startsWith("text/html")) {
                problems.add("body should be empty");
            }
            return;
        }
        // Tables 0.9 serves its JSON scheme as application/octet-stream (tables/07-nc29)
        boolean json = contentType.contains("json") || contentType.contains("octet-stream") && expected.startsWith("{");
        if (json && !expected.startsWith("[HTML")) {
            JsonValue exp = parseJson(expected);
            JsonValue act;
            try {
                act = parseJson(actual);
            } catch (RuntimeException e) {
                problems.add("body is not JSON");
                return;
            }
            compareJson("$", exp, act, problems);
        } else if (contentType.contains("xml")) {
            if (!tags(expected).equals(tags(actual))) {
                problems.add("XML elements " + tags(actual) + " != captured " + tags(expected));
            }
            if (!statuses(expected).equals(statuses(actual))) {
                problems.add("DAV statuses " + statuses(actual) + " != captured " + statuses(expected));
            }
        } else if (expected.startsWith("[HTML")) {
            for (String line : expected.split("\n")) {
                if (line.trim().startsWith("<h2>") && !actual.contains(line.trim())) {
                    problems.add("HTML lacks " + line.trim());
                }
            }
        } else if (!expected.strip().equals(actual.strip())) {
            problems.add("body '" + actual + "' != captured '" + expected + "'");
        }
    }

    private String hostPort() {
        return sim.baseUrl().substring("http://".length());
    }

    private void compareJson(String path, JsonValue exp, JsonValue act, List<String> problems) {
        if (!sameType(exp, act)) {
            problems.add(path + ": " + act.getValueType() + " != captured " + exp.getValueType());
            return;
        }
        String key = path.substring(path.lastIndexOf('.') + 1);
        switch (exp.getValueType()) {
            case OBJECT -> {
                JsonObject e = (JsonObject) exp;
                JsonObject a = (JsonObject) act;
                if (e.get("requestId") instanceof JsonString expectedId
                        && a.get("requestId") instanceof JsonString actualId) {
                    texts.put(expectedId.getString(), actualId.getString());
                }
                if (!List.copyOf(e.keySet()).equals(List.copyOf(a.keySet()))) {
                    problems.add(path + ": keys " + a.keySet() + " != captured " + e.keySet());
                }
                // the common keys still teach ids: the other version's capture of a step has other keys
                e.forEach((k, v) -> {
                    if (a.containsKey(k)) {
                        compareJson(path + "." + k, v, a.get(k), problems);
                    }
                });
            }
            case ARRAY -> {
                JsonArray e = (JsonArray) exp;
                JsonArray a = (JsonArray) act;
                if (e.size() != a.size()) {
                    problems.add(path + ": " + a.size() + " elements != captured " + e.size());
                    return;
                }
                for (int i = 0; i < e.size(); i++) {
                    compareJson(path + "[" + i + "]", e.get(i), a.get(i), problems);
                }
            }
            case NUMBER -> {
                if (key.equals("id") || path.equals("$")) {
                    // a bare number answers the id of a created, changed or missing object (Cookbook)
                    ids.put(exp.toString(), act.toString());
                    kinded.put(kindAt(path) + ":" + exp, act.toString());
                } else if (isIdKey(key) && ((JsonNumber) exp).isIntegral()) {
                    String kind = kind(key.substring(0, key.length() - (key.endsWith("_id") ? 3 : 2)) + "s") + ":" + exp;
                    ids.putIfAbsent(exp.toString(), act.toString());
                    String known = kinded.putIfAbsent(kind, act.toString());
                    if (known != null && !known.equals(act.toString())) {
                        problems.add(path + ": " + act + " != captured " + exp + " (known as " + known + ")");
                    }
                } else if (TIMESTAMP_KEYS.contains(key)) {
                    if ((((JsonNumber) exp).longValue() == 0) != (((JsonNumber) act).longValue() == 0)) {
                        problems.add(path + ": " + act + " != captured " + exp + " (one is set, the other not)");
                    }
                } else if (!VOLATILE_KEYS.contains(key) && !exp.toString().equals(act.toString())) {
                    problems.add(path + ": " + act + " != captured " + exp);
                }
            }
            case STRING -> {
                String e = ((JsonString) exp).getString();
                String a = ((JsonString) act).getString();
                for (Map.Entry<String, String> text : texts.entrySet()) {
                    e = e.replace(text.getKey(), text.getValue());
                }
                if (key.equals("etag")) {
                    tokens.put(e, a);
                } else if (key.equals("id") && NUMBER.matcher(e).matches() && NUMBER.matcher(a).matches()) {
                    ids.put(e, a);
                    kinded.put(kindAt(path) + ":" + e, a);
                } else if (!VOLATILE_KEYS.contains(key) && !VolatileText.matches(e, a, ids, ids)) {
                    problems.add(path + ": '" + a + "' != captured '" + e + "'");
                }
            }
            default -> {
                if (!exp.equals(act)) {
                    problems.add(path + ": " + act + " != captured " + exp);
                }
            }
        }
    }

    /** {@code labelId} and {@code recipe_id} name ids of labels and recipes. */
    private static boolean isIdKey(String key) {
        return key.endsWith("Id") || key.endsWith("_id");
    }

    private static boolean sameType(JsonValue a, JsonValue b) {
        boolean boolA = a.getValueType() == JsonValue.ValueType.TRUE || a.getValueType() == JsonValue.ValueType.FALSE;
        boolean boolB = b.getValueType() == JsonValue.ValueType.TRUE || b.getValueType() == JsonValue.ValueType.FALSE;
        if (boolA || boolB) {
            return boolA && boolB;
        }
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.isIntegral() == y.isIntegral();
        }
        return a.getValueType() == b.getValueType();
    }

    private static JsonValue parseJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static Set<String> tags(String xml) {
        Set<String> out = new TreeSet<>();
        XML_TAG.matcher(xml).results().forEach(m -> out.add(m.group(1)));
        return out;
    }

    private static Set<String> statuses(String xml) {
        Set<String> out = new TreeSet<>();
        DAV_STATUS.matcher(xml).results().forEach(m -> out.add(m.group().trim()));
        return out;
    }
}
