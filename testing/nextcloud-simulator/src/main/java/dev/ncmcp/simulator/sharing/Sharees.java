package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET …/sharees?search=}: accounts and groups whose id or name contains the search (an exact match goes to
 * {@code exact}), an e-mail address and a federated cloud id as typed. The caller is never offered.
 */
final class Sharees {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CLOUD_ID = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String[] EXACT_KINDS = {"users", "groups", "remotes", "remote_groups", "emails", "circles",
            "rooms"};

    private final Accounts accounts;

    Sharees(Accounts accounts) {
        this.accounts = accounts;
    }

    JsonObject search(String caller, String search) {
        String wanted = search.toLowerCase(Locale.ROOT);
        JsonArrayBuilder exactUsers = Json.createArrayBuilder();
        JsonArrayBuilder users = Json.createArrayBuilder();
        accounts.users().stream().sorted().filter(user -> !user.equals(caller)).forEach(user -> {
            String name = accounts.displayName(user);
            if (user.equalsIgnoreCase(search) || name.equalsIgnoreCase(search)) {
                exactUsers.add(user(user, name));
            } else if (!wanted.isEmpty() && (contains(user, wanted) || contains(name, wanted))) {
                users.add(user(user, name));
            }
        });
        JsonArrayBuilder exactGroups = Json.createArrayBuilder();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        accounts.groups().stream().sorted().forEach(group -> {
            if (group.equalsIgnoreCase(search)) {
                exactGroups.add(group(group));
            } else if (!wanted.isEmpty() && contains(group, wanted)) {
                groups.add(group(group));
            }
        });
        JsonArrayBuilder emails = Json.createArrayBuilder();
        JsonArrayBuilder remotes = Json.createArrayBuilder();
        if (EMAIL.matcher(search).matches()) {
            emails.add(typed(search, ShareType.EMAIL));
        } else if (CLOUD_ID.matcher(search).matches()) {
            remotes.add(typed(search, ShareType.REMOTE));
        }
        JsonObjectBuilder exact = Json.createObjectBuilder();
        for (String kind : EXACT_KINDS) {
            switch (kind) {
                case "users" -> exact.add(kind, exactUsers);
                case "groups" -> exact.add(kind, exactGroups);
                case "remotes" -> exact.add(kind, remotes);
                case "emails" -> exact.add(kind, emails);
                default -> exact.add(kind, Json.createArrayBuilder());
            }
        }
        return Json.createObjectBuilder()
                .add("exact", exact)
                .add("users", users)
                .add("groups", groups)
                .add("remotes", Json.createArrayBuilder())
                .add("remote_groups", Json.createArrayBuilder())
                .add("emails", Json.createArrayBuilder())
                .add("lookup", Json.createArrayBuilder())
                .add("circles", Json.createArrayBuilder())
                .add("rooms", Json.createArrayBuilder())
                .add("lookupEnabled", false)
                .build();
    }

    private static boolean contains(String text, String wanted) {
        return text.toLowerCase(Locale.ROOT).contains(wanted);
    }

    private static JsonObject user(String user, String name) {
        return Json.createObjectBuilder()
                .add("label", name)
                .add("subline", "")
                .add("icon", "icon-user")
                .add("value", value(ShareType.USER, user))
                .add("shareWithDisplayNameUnique", user)
                .add("status", Json.createArrayBuilder())
                .build();
    }

    private static JsonObject group(String group) {
        return Json.createObjectBuilder().add("label", group).add("value", value(ShareType.GROUP, group)).build();
    }

    private static JsonObject typed(String address, ShareType type) {
        return Json.createObjectBuilder().add("label", address).add("uuid", address)
                .add("value", value(type, address)).build();
    }

    private static JsonObjectBuilder value(ShareType type, String shareWith) {
        return Json.createObjectBuilder().add("shareType", type.code).add("shareWith", shareWith);
    }
}
