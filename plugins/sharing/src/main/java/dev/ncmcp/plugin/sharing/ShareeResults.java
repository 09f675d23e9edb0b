package dev.ncmcp.plugin.sharing;

import dev.ncmcp.plugin.sharing.ShareTools.Sharee;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sharee search's answer, flattened: {@code exact.users, exact.groups, …} first, then the partial matches. */
final class ShareeResults {
    private static final List<String> KINDS = List.of("users", "groups", "emails", "remotes", "remote_groups",
            "circles", "rooms", "lookup");

    private ShareeResults() {
    }

    static List<Sharee> read(JsonObject answer) {
        Set<Sharee> found = new LinkedHashSet<>();
        JsonObject exact = answer.get("exact") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        KINDS.forEach(kind -> add(exact.get(kind), true, found));
        KINDS.forEach(kind -> add(answer.get(kind), false, found));
        return new ArrayList<>(found);
    }

    private static void add(JsonValue entries, boolean exact, Set<Sharee> found) {
        if (!(entries instanceof JsonArray array)) {
            return;
        }
        for (JsonValue entry : array) {
            if (entry instanceof JsonObject sharee && sharee.get("value") instanceof JsonObject value
                    && value.get("shareWith") instanceof JsonString shareWith) {
                found.add(new Sharee(ShareType.of(value.getInt("shareType", -1)), shareWith.getString(),
                        sharee.getString("label", shareWith.getString()), exact));
            }
        }
    }
}
