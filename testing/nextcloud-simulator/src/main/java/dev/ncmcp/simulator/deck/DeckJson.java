package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.Hashes;
import dev.ncmcp.simulator.NextcloudVersion;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Deck's objects as its API writes them, for one viewer. The shapes differ by endpoint, as captured: a card
 * "detail" (create, update and get on 1.15, every card in a stack list) has its owner as an object and its labels
 * and assignees as arrays; a card "entity" (reorder, archive, delete, archived lists, and create/update on 1.13)
 * carries {@code descriptionPrev}, {@code notified} and the related stack and board, with fields left null that
 * the endpoint did not load.
 */
final class DeckJson {
    /** {@code md5("")}, the ETag of an object whose {@code lastModified} is still null. */
    static final String EMPTY_ETAG = Hashes.md5("");

    private final DeckState state;
    private final Accounts accounts;
    private final NextcloudVersion version;
    private final Access access;

    DeckJson(DeckState state, Accounts accounts, NextcloudVersion version, Access access) {
        this.state = state;
        this.accounts = accounts;
        this.version = version;
        this.access = access;
    }

    /** How a label is shown: where it was loaded from decides which fields Deck filled in. */
    enum LabelForm { CREATED, OF_BOARD, ON_CARD, ON_ARCHIVED_CARD }

    /** How a card entity is shown; see the class comment. */
    record EntityForm(boolean ownerObject, LabelForm labels, boolean attachmentCount) {
        /** Reorder, and create on 1.13: nothing loaded. */
        static final EntityForm BARE = new EntityForm(false, null, false);
        /** Archive, unarchive, delete, and update on 1.13: owner and labels mapped. */
        static final EntityForm MAPPED = new EntityForm(true, LabelForm.ON_CARD, false);
        /** Cards of the archived-stacks list. */
        static final EntityForm ARCHIVED_LIST = new EntityForm(false, LabelForm.ON_ARCHIVED_CARD, true);
    }

    JsonObject user(String uid) {
        return Json.createObjectBuilder().add("primaryKey", uid).add("uid", uid)
                .add("displayname", accounts.displayName(uid)).add("type", 0).build();
    }

    JsonObject permissions(Permissions permissions) {
        return Json.createObjectBuilder()
                .add("PERMISSION_READ", permissions.read())
                .add("PERMISSION_EDIT", permissions.edit())
                .add("PERMISSION_MANAGE", permissions.manage())
                .add("PERMISSION_SHARE", permissions.share())
                .build();
    }

    JsonObject label(Label label, LabelForm form, Long cardId) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", label.id).add("title", label.title)
                .add("color", label.color);
        if (form == LabelForm.ON_ARCHIVED_CARD) {
            json.addNull("boardId");
        } else {
            json.add("boardId", label.boardId);
        }
        nullable(json, "cardId", cardId);
        boolean known = form == LabelForm.OF_BOARD || form == LabelForm.ON_CARD;
        nullable(json, "lastModified", known ? 0L : null);
        return json.add("ETag", known ? Hashes.md5("0") : EMPTY_ETAG).build();
    }

    JsonObject stack(Stack stack, List<JsonObject> cards) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", stack.id).add("title", stack.title)
                .add("boardId", stack.boardId).add("deletedAt", stack.deletedAt)
                .add("lastModified", stack.lastModified);
        if (cards != null && !cards.isEmpty()) {
            json.add("cards", array(cards));
        }
        return json.add("order", stack.order).add("ETag", etag(stack.lastModified)).build();
    }

    /** A card as {@code CardDetails} writes it; {@code attachments} only on a single card's GET. */
    JsonObject cardDetails(Card card, List<JsonObject> attachments) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", card.id).add("title", card.title).add("description", card.description)
                .add("stackId", card.stackId).add("type", card.type).add("lastModified", card.lastModified);
        nullable(json, "lastEditor", card.lastEditor);
        json.add("createdAt", card.createdAt)
                .add("labels", array(cardLabels(card, LabelForm.ON_CARD)))
                .add("assignedUsers", array(state.assignmentsOf(card.id).stream().map(this::assignment).toList()));
        if (attachments == null) {
            json.addNull("attachments");
        } else {
            json.add("attachments", array(attachments));
        }
        json.add("attachmentCount", attachmentCount(card))
                .add("owner", user(card.owner))
                .add("order", card.order).add("archived", card.archived);
        nullable(json, "done", card.done);
        nullable(json, "duedate", card.duedate);
        json.add("deletedAt", card.deletedAt).add("commentsUnread", 0)
                .add("commentsCount", state.commentsOf(card.id).size())
                .add("ETag", etag(card.lastModified)).add("overdue", overdue(card.duedate));
        if (version == NextcloudVersion.NC31) {
            json.addNull("referenceData");
        }
        return json.build();
    }

    /** A card as the {@code Card} entity writes it, in one of the captured forms. */
    JsonObject cardEntity(Card card, EntityForm form) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", card.id).add("title", card.title).add("description", card.description);
        nullable(json, "descriptionPrev", card.descriptionPrev);
        json.add("stackId", card.stackId).add("type", card.type).add("lastModified", card.lastModified);
        nullable(json, "lastEditor", card.lastEditor);
        json.add("createdAt", card.createdAt);
        if (form.labels() == null) {
            json.addNull("labels");
        } else {
            json.add("labels", array(cardLabels(card, form.labels())));
        }
        json.addNull("assignedUsers").addNull("attachments");
        if (form.attachmentCount()) {
            json.add("attachmentCount", attachmentCount(card));
        } else {
            json.addNull("attachmentCount");
        }
        if (form.ownerObject()) {
            json.add("owner", user(card.owner));
        } else {
            json.add("owner", card.owner);
        }
        json.add("order", card.order).add("archived", card.archived);
        nullable(json, "done", card.done);
        nullable(json, "duedate", card.duedate);
        return json.add("notified", false).add("deletedAt", card.deletedAt).add("commentsUnread", 0)
                .add("commentsCount", 0).addNull("relatedStack").addNull("relatedBoard")
                .add("ETag", etag(card.lastModified)).build();
    }

    JsonObject assignment(Assignment assignment) {
        return Json.createObjectBuilder().add("id", assignment.id()).add("participant", user(assignment.participant()))
                .add("cardId", assignment.cardId()).add("type", 0).build();
    }

    JsonObject acl(Acl acl) {
        JsonObject participant = acl.type == Acl.USER ? user(acl.participant)
                : Json.createObjectBuilder().add("primaryKey", acl.participant).add("uid", acl.participant)
                .add("displayname", acl.participant).add("type", acl.type).build();
        return Json.createObjectBuilder().add("id", acl.id).add("participant", participant).add("type", acl.type)
                .add("boardId", acl.boardId).add("permissionEdit", acl.edit).add("permissionShare", acl.share)
                .add("permissionManage", acl.manage).add("owner", false).build();
    }

    /** A board in the list; {@code details=true} adds its labels, ACL, users and stacks. */
    JsonObject boardListed(Board board, boolean details) {
        return board(board, details ? BoardForm.LIST_DETAILS : BoardForm.LIST);
    }

    /** The answer to creating a board: its default labels not yet stored, no users, no settings. */
    JsonObject boardCreated(Board board) {
        return board(board, BoardForm.CREATED);
    }

    /** A board with everything, as GET, PUT and DELETE of one board answer. */
    JsonObject boardFull(Board board) {
        return board(board, BoardForm.FULL);
    }

    private enum BoardForm { LIST, LIST_DETAILS, CREATED, FULL }

    private JsonObject board(Board board, BoardForm form) {
        boolean details = form == BoardForm.LIST_DETAILS || form == BoardForm.FULL;
        LabelForm labelForm = form == BoardForm.CREATED ? LabelForm.CREATED : LabelForm.OF_BOARD;
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", board.id).add("title", board.title)
                .add("owner", user(board.owner)).add("color", board.color).add("archived", board.archived)
                .add("labels", details || form == BoardForm.CREATED
                        ? array(state.labelsOf(board.id).stream().map(label -> label(label, labelForm, null)).toList())
                        : JsonValue.EMPTY_JSON_ARRAY)
                .add("acl", details ? array(state.aclsOf(board.id).stream().map(this::acl).toList())
                        : JsonValue.EMPTY_JSON_ARRAY)
                .add("permissions", permissions(access.on(board)))
                .add("users", details ? array(boardUsers(board)) : JsonValue.EMPTY_JSON_ARRAY);
        if (form == BoardForm.LIST || form == BoardForm.LIST_DETAILS) {
            json.add("shared", board.owner.equals(access.user()) ? 0 : 1);
        }
        json.add("stacks", details ? array(state.stacksOf(board.id).stream().map(stack -> stack(stack, null)).toList())
                        : JsonValue.EMPTY_JSON_ARRAY)
                .add("activeSessions", JsonValue.EMPTY_JSON_ARRAY)
                .add("deletedAt", board.deletedAt)
                .add("lastModified", form == BoardForm.CREATED ? 0 : board.lastModified)
                .add("settings", details ? Json.createObjectBuilder().add("notify-due", "assigned")
                        .add("calendar", true).build() : JsonValue.EMPTY_JSON_ARRAY);
        return json.add("ETag", etag(form == BoardForm.CREATED ? 0 : board.lastModified)).build();
    }

    /** The owner and every user the board is shared with. */
    private List<JsonObject> boardUsers(Board board) {
        java.util.LinkedHashSet<String> users = new java.util.LinkedHashSet<>();
        users.add(board.owner);
        state.aclsOf(board.id).stream().filter(acl -> acl.type == Acl.USER && accounts.exists(acl.participant))
                .forEach(acl -> users.add(acl.participant));
        return users.stream().map(this::user).toList();
    }

    JsonObject comment(Comment comment, boolean withReplyTo) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", comment.id).add("objectId", comment.cardId)
                .add("message", comment.message).add("actorId", comment.actor).add("actorType", "users")
                .add("actorDisplayName", accounts.displayName(comment.actor))
                .add("creationDateTime", comment.created)
                .add("mentions", array(Mentions.in(comment.message).stream().map(this::mention).toList()));
        if (withReplyTo && comment.parentId != 0) {
            Comment parent = state.comments.get(comment.parentId);
            if (parent != null) {
                json.add("replyTo", comment(parent, false));
            }
        }
        return json.build();
    }

    private JsonObject mention(String id) {
        return Json.createObjectBuilder().add("mentionId", id).add("mentionType", "user")
                .add("mentionDisplayName", accounts.exists(id) ? accounts.displayName(id) : "").build();
    }

    private List<JsonObject> cardLabels(Card card, LabelForm form) {
        return state.labelsOfCard(card.id).stream().map(label -> label(label, form, card.id)).toList();
    }

    private int attachmentCount(Card card) {
        return state.sharesOf(card.id).size();
    }

    static String etag(long lastModified) {
        return Hashes.md5(Long.toString(lastModified));
    }

    /** Deck's {@code overdue}: 3 past due, 2 due today, 1 due tomorrow, 0 otherwise (by calendar day, UTC). */
    static int overdue(String duedate) {
        if (duedate == null) {
            return 0;
        }
        LocalDate due = OffsetDateTime.parse(duedate).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), due);
        return days < 0 ? 3 : days == 0 ? 2 : days == 1 ? 1 : 0;
    }

    static jakarta.json.JsonArray array(List<? extends JsonValue> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    private static void nullable(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    private static void nullable(JsonObjectBuilder json, String key, Long value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }
}
