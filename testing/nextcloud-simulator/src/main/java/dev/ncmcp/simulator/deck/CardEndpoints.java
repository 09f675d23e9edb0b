package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.DeckJson.EntityForm;
import dev.ncmcp.simulator.deck.Permissions.Need;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CardApiController}: one card and what can be done to it. The stack in the URL is the card's stack for
 * create, update and reorder (a route parameter beats the body's {@code stackId}); elsewhere only the card id counts.
 */
final class CardEndpoints {
    private final NextcloudVersion version;
    private final AttachmentEndpoints attachments;

    CardEndpoints(NextcloudVersion version, AttachmentEndpoints attachments) {
        this.version = version;
        this.attachments = attachments;
    }

    SimResponse get(DeckCall call, long cardId, boolean allAttachmentTypes) {
        Card card = call.access().card(cardId, Need.READ);
        List<JsonObject> files = allAttachmentTypes ? attachments.of(call, card) : List.of();
        return SimResponse.json(200, call.json().cardDetails(card, files))
                .header("ETag", "\"" + DeckJson.etag(card.lastModified) + "\"");
    }

    /** POST: 1.15 answers with the enriched card, 1.13 with the bare entity; labels and users are assigned after. */
    SimResponse create(DeckCall call, long stackId) {
        String title = Validate.text(call.params(), "title", 255);
        String type = call.params().sent("type") ? Validate.text(call.params(), "type", 64) : "plain";
        long order = call.params().number("order").orElse(999L);
        Stack stack = call.access().stack(stackId, Need.EDIT);
        Access.writable(call.state().boards.get(stack.boardId));
        Optional<String> duedate = dueDate(call.params().textOrEmpty("duedate"));
        if (duedate == null) {
            return MaskedServerError.response();
        }
        Card card = call.state().addCard(stack.id, call.user(), call.now());
        card.title = title;
        card.type = type;
        card.order = order;
        card.description = call.params().textOrEmpty("description");
        card.duedate = duedate.orElse(null);
        call.cardChanged(card, false);
        JsonObject answer = version == NextcloudVersion.NC31 ? call.json().cardDetails(card, null)
                : call.json().cardEntity(card, EntityForm.BARE);
        for (JsonValue label : call.params().array("labels").orElse(JsonValue.EMPTY_JSON_ARRAY)) {
            if (label instanceof JsonNumber id) {
                assignLabel(call, card, id.longValue());
            }
        }
        for (JsonValue user : call.params().array("users").orElse(JsonValue.EMPTY_JSON_ARRAY)) {
            if (user instanceof JsonObject participant && participant.get("id") instanceof JsonString id) {
                assignUser(call, card, id.getString());
            }
        }
        return SimResponse.json(200, answer);
    }

    /**
     * PUT: a whole new card. Title, type and owner are required; a missing description, duedate or done is
     * cleared, a missing archived kept. A stack of another board moves the card there and maps its labels by title.
     */
    SimResponse update(DeckCall call, long stackId, long cardId) {
        String title = Validate.text(call.params(), "title", 255);
        Validate.text(call.params(), "type", 64);
        Validate.text(call.params(), "owner", 64);
        Card card = call.access().cardEvenDeleted(cardId, Need.EDIT);
        Stack stack = call.access().stack(stackId, Need.EDIT);
        Board from = call.access().boardOf(card);
        Access.writable(from);
        Optional<Boolean> archived = call.params().flag("archived");
        if (archived.orElse(false) && card.archived) {
            throw DeckError.cardArchived();
        }
        Optional<String> duedate = dueDate(call.params().textOrEmpty("duedate"));
        Optional<String> done = call.params().sent("done") ? dueDate(call.params().textOrEmpty("done"))
                : Optional.empty();
        if (duedate == null || done == null) {
            return MaskedServerError.response();
        }
        if (card.lastEditor != null && !card.lastEditor.equals(call.user())) {
            card.descriptionPrev = card.description;
            card.lastEditor = call.user();
        }
        card.title = title;
        card.stackId = stack.id;
        card.type = call.params().text("type").orElseThrow();
        card.order = call.params().number("order").orElse(0L);
        card.duedate = duedate.orElse(null);
        card.deletedAt = 0;
        archived.ifPresent(value -> card.archived = value);
        card.done = done.orElse(null);
        if (card.descriptionPrev == null) {
            card.descriptionPrev = card.description;
        }
        card.description = call.params().textOrEmpty("description");
        card.lastModified = call.now();
        if (stack.boardId != from.id) {
            mapLabels(call, card, call.state().boards.get(stack.boardId));
        }
        JsonObject answer = version == NextcloudVersion.NC31 ? call.json().cardDetails(card, null)
                : call.json().cardEntity(card, EntityForm.MAPPED);
        call.cardChanged(card, true);
        return SimResponse.json(200, answer);
    }

    SimResponse delete(DeckCall call, long cardId) {
        Card card = call.access().card(cardId, Need.EDIT);
        Access.writable(call.access().boardOf(card));
        card.deletedAt = call.now();
        call.cardChanged(card, false);
        return SimResponse.json(200, call.json().cardEntity(card, EntityForm.MAPPED));
    }

    SimResponse assignLabel(DeckCall call, long cardId) {
        long labelId = Validate.number(call.params(), "labelId");
        assignLabel(call, call.access().card(cardId, Need.EDIT), labelId);
        return SimResponse.json(200, JsonValue.NULL);
    }

    SimResponse removeLabel(DeckCall call, long cardId) {
        long labelId = Validate.number(call.params(), "labelId");
        Card card = writableCard(call, cardId);
        call.access().label(labelId, Need.READ);
        List<Long> labels = call.state().cardLabels.get(card.id);
        if (labels != null) {
            labels.remove(labelId);
        }
        call.cardChanged(card, true);
        return SimResponse.json(200, JsonValue.NULL);
    }

    SimResponse assignUser(DeckCall call, long cardId) {
        String userId = Validate.text(call.params(), "userId", 64);
        Card card = call.access().card(cardId, Need.EDIT);
        return SimResponse.json(200, call.json().assignment(assignUser(call, card, userId)));
    }

    SimResponse unassignUser(DeckCall call, long cardId) {
        String userId = Validate.text(call.params(), "userId", 64);
        Card card = call.access().card(cardId, Need.EDIT);
        Assignment assignment = call.state().assignmentsOf(card.id).stream()
                .filter(existing -> existing.participant().equals(userId)).findFirst()
                .orElseThrow(() -> DeckError.notFound("No assignment for " + userId + "found."));
        call.state().assignments.remove(assignment.id());
        call.cardChanged(card, true);
        return SimResponse.json(200, call.json().assignment(assignment));
    }

    /** PUT reorder: into the URL's stack at {@code order}; the others of that stack are numbered around it. */
    SimResponse reorder(DeckCall call, long stackId, long cardId) {
        long order = call.params().number("order").orElse(0L);
        Card card = writableCard(call, cardId);
        Stack stack = call.access().stack(stackId, Need.EDIT);
        card.stackId = stack.id;
        Map<Long, Card> result = new LinkedHashMap<>();
        long next = 0;
        for (Card other : call.state().cardsOf(stack.id, false)) {
            if (other.id == card.id) {
                other.order = order;
                other.lastModified = call.now();
            }
            if (next == order) {
                next++;
            }
            if (other.id != card.id) {
                other.order = next++;
            }
            result.put(other.order, other);
        }
        call.cardChanged(card, false);
        List<JsonObject> cards = new ArrayList<>();
        result.values().forEach(other -> cards.add(call.json().cardEntity(other, EntityForm.BARE)));
        return SimResponse.json(200, DeckJson.array(cards));
    }

    /** PUT archive/unarchive: deck 1.15 only; deck 1.13 has no such route (405, {@code deck/23-nc29}). */
    SimResponse archive(DeckCall call, long cardId, boolean archived) {
        if (version == NextcloudVersion.NC29) {
            return DeckRest.methodNotAllowed();
        }
        Card card = call.access().card(cardId, Need.EDIT);
        Access.writable(call.access().boardOf(card));
        card.archived = archived;
        call.cardChanged(card, false);
        return SimResponse.json(200, call.json().cardEntity(card, EntityForm.MAPPED));
    }

    private Card writableCard(DeckCall call, long cardId) {
        Card card = call.access().card(cardId, Need.EDIT);
        Access.writable(call.access().boardOf(card));
        if (card.archived) {
            throw DeckError.cardArchived();
        }
        return card;
    }

    private void assignLabel(DeckCall call, Card card, long labelId) {
        Label label = call.access().label(labelId, Need.READ);
        Board board = call.access().boardOf(card);
        Access.writable(board);
        if (card.archived) {
            throw DeckError.cardArchived();
        }
        if (label.boardId != board.id) {
            throw DeckError.status("Operation not allowed. Label does not exist.");
        }
        List<Long> labels = call.state().cardLabels.computeIfAbsent(card.id, id -> new ArrayList<>());
        if (!labels.contains(labelId)) {
            labels.add(labelId);
        }
        call.cardChanged(card, true);
    }

    private static Assignment assignUser(DeckCall call, Card card, String userId) {
        if (call.state().assignmentsOf(card.id).stream().anyMatch(existing -> existing.participant().equals(userId))) {
            throw DeckError.badRequest("The user is already assigned to the card");
        }
        Board board = call.access().boardOf(card);
        boolean member = board.owner.equals(userId) || call.state().aclsOf(board.id).stream()
                .anyMatch(acl -> acl.type == Acl.USER && acl.participant.equals(userId));
        if (!member) {
            throw DeckError.badRequest("The user is not part of the board");
        }
        Assignment assignment = call.state().addAssignment(card.id, userId);
        call.cardChanged(card, true);
        return assignment;
    }

    /** A card moved to another board keeps the labels whose titles exist there; a manager's missing ones are copied. */
    private static void mapLabels(DeckCall call, Card card, Board target) {
        List<Long> mapped = new ArrayList<>();
        boolean manager = call.access().on(target).manage();
        for (Label label : call.state().labelsOfCard(card.id)) {
            Optional<Label> same = call.state().labelsOf(target.id).stream()
                    .filter(candidate -> candidate.title.equals(label.title)).findFirst();
            if (same.isPresent()) {
                mapped.add(same.get().id);
            } else if (manager) {
                mapped.add(call.state().addLabel(target.id, label.title, label.color).id);
            }
        }
        call.state().cardLabels.put(card.id, mapped);
    }

    /** Empty for no date, null for text PHP cannot read as a date. */
    private static Optional<String> dueDate(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        return DueDates.normalise(text).map(Optional::of).orElse(null);
    }
}
