package dev.ncmcp.plugin.deck;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.JsonFields.flag;
import static dev.ncmcp.plugin.deck.JsonFields.number;
import static dev.ncmcp.plugin.deck.JsonFields.objects;
import static dev.ncmcp.plugin.deck.JsonFields.optionalText;
import static dev.ncmcp.plugin.deck.JsonFields.text;

/** Deck's objects as the plugin reads them from either Deck version's answers. */
final class DeckModel {
    private DeckModel() {
    }

    /** A user as Deck names one: {@code {"uid":…,"displayname":…}} or, in some answers, just the uid. */
    record User(String id, String displayName) {
        static User of(Object value) {
            if (value instanceof JsonObject json) {
                String id = optionalText(json, "uid").orElse(text(json, "primaryKey"));
                return new User(id, optionalText(json, "displayname").orElse(id));
            }
            String id = value instanceof JsonString text ? text.getString() : "";
            return new User(id, id);
        }
    }

    record Label(long id, String title, String color) {
        static Label of(JsonObject json) {
            return new Label(number(json, "id"), text(json, "title"), text(json, "color"));
        }
    }

    /** A card; {@code done} and {@code duedate} as Deck writes them (ISO-8601 with offset), when set. */
    record Card(long id, long stackId, String title, String description, String type, long order, boolean archived,
                Optional<String> done, Optional<String> duedate, User owner, List<Label> labels, List<User> assignees,
                long attachmentCount, long commentsCount, long createdAt, long lastModified) {
        static Card of(JsonObject json) {
            return new Card(number(json, "id"), number(json, "stackId"), text(json, "title"), text(json, "description"),
                    optionalText(json, "type").orElse("plain"), number(json, "order"), flag(json, "archived"),
                    optionalText(json, "done"), optionalText(json, "duedate"), User.of(json.get("owner")),
                    objects(json, "labels").stream().map(Label::of).toList(),
                    objects(json, "assignedUsers").stream().map(assignment -> User.of(assignment.get("participant")))
                            .toList(),
                    number(json, "attachmentCount"), number(json, "commentsCount"), number(json, "createdAt"),
                    number(json, "lastModified"));
        }

        boolean isDone() {
            return done.isPresent();
        }
    }

    /** A stack; its cards only where the answer embeds them. */
    record Stack(long id, long boardId, String title, long order, List<Card> cards) {
        static Stack of(JsonObject json) {
            return new Stack(number(json, "id"), number(json, "boardId"), text(json, "title"), number(json, "order"),
                    objects(json, "cards").stream().map(Card::of).toList());
        }
    }

    /** A board shared with a user (type 0), a group (1) or a team (7), and what they may do. */
    record Acl(long id, int type, User participant, boolean edit, boolean share, boolean manage) {
        static Acl of(JsonObject json) {
            return new Acl(number(json, "id"), (int) number(json, "type"), User.of(json.get("participant")),
                    flag(json, "permissionEdit"), flag(json, "permissionShare"), flag(json, "permissionManage"));
        }
    }

    /** What the caller may do on a board. */
    record Permissions(boolean read, boolean edit, boolean manage, boolean share) {
        static Permissions of(JsonObject json) {
            JsonObject permissions = json.get("permissions") instanceof JsonObject object ? object
                    : JsonValue.EMPTY_JSON_OBJECT;
            return new Permissions(flag(permissions, "PERMISSION_READ"), flag(permissions, "PERMISSION_EDIT"),
                    flag(permissions, "PERMISSION_MANAGE"), flag(permissions, "PERMISSION_SHARE"));
        }
    }

    /** A board; {@code shared} (someone else's board shared with the caller) only where Deck's list says it. */
    record Board(long id, String title, String color, boolean archived, long deletedAt, boolean shared, User owner,
                 Permissions permissions, List<Label> labels, List<Stack> stacks, List<User> users, List<Acl> acl,
                 long lastModified) {
        static Board of(JsonObject json) {
            return new Board(number(json, "id"), text(json, "title"), text(json, "color"), flag(json, "archived"),
                    number(json, "deletedAt"), flag(json, "shared"), User.of(json.get("owner")), Permissions.of(json),
                    objects(json, "labels").stream().map(Label::of).toList(),
                    objects(json, "stacks").stream().map(Stack::of).toList(),
                    objects(json, "users").stream().map(User::of).toList(),
                    objects(json, "acl").stream().map(Acl::of).toList(),
                    number(json, "lastModified"));
        }

        boolean deleted() {
            return deletedAt > 0;
        }
    }

    /** A comment; {@code replyTo} is the comment it answers. */
    record Comment(long id, long cardId, String message, User author, String created, List<String> mentions,
                   Optional<Comment> replyTo) {
        static Comment of(JsonObject json) {
            return new Comment(number(json, "id"), number(json, "objectId"), text(json, "message"),
                    new User(text(json, "actorId"),
                            optionalText(json, "actorDisplayName").orElse(text(json, "actorId"))),
                    text(json, "creationDateTime"),
                    objects(json, "mentions").stream().map(mention -> text(mention, "mentionId")).toList(),
                    json.get("replyTo") instanceof JsonObject parent ? Optional.of(of(parent)) : Optional.empty());
        }
    }

    /** An attachment: an uploaded {@code deck_file} or a {@code file} of the user's files shared with the card. */
    record Attachment(long id, String type, String name, Optional<String> path, Optional<Long> size,
                      Optional<String> mimeType, String createdBy, long createdAt) {
        static Attachment of(JsonObject json) {
            JsonObject extended = json.get("extendedData") instanceof JsonObject data ? data
                    : JsonValue.EMPTY_JSON_OBJECT;
            return new Attachment(number(json, "id"), text(json, "type"), text(json, "data"),
                    optionalText(extended, "path"),
                    extended.containsKey("filesize") ? Optional.of(number(extended, "filesize")) : Optional.empty(),
                    optionalText(extended, "mimetype"), text(json, "createdBy"), number(json, "createdAt"));
        }
    }
}
