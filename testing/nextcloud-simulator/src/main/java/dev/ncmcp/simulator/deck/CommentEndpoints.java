package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.deck.Permissions.Need;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * {@code CommentsApiController} (OCS): a card's comments, newest first, with the comment each one replies to.
 * Anyone who may read the card may comment; only the author may edit or delete. Nextcloud keeps at most 1000
 * characters per comment.
 */
final class CommentEndpoints {
    static final int MAX_MESSAGE_LENGTH = 1000;

    JsonValue list(DeckCall call, long cardId) {
        call.access().card(cardId, Need.READ);
        long limit = Math.min(call.params().number("limit").orElse(20L), 200);
        long offset = call.params().number("offset").orElse(0L);
        List<JsonObject> page = call.state().commentsOf(cardId).stream().skip(Math.max(offset, 0))
                .limit(Math.max(limit, 0)).map(comment -> call.json().comment(comment, true)).toList();
        return DeckJson.array(page);
    }

    JsonValue create(DeckCall call, long cardId) {
        call.access().card(cardId, Need.READ);
        String message = call.params().textOrEmpty("message");
        long parentId = call.params().number("parentId").orElse(0L);
        if (parentId != 0) {
            Comment parent = call.state().comments.get(parentId);
            if (parent == null || parent.cardId != cardId) {
                throw DeckError.badRequest("Invalid parent id: The parent comment was not found or belongs to a "
                        + "different card");
            }
        }
        checkLength(message);
        Comment comment = call.state().addComment(cardId, call.user(), parentId, DueDates.now(call.now()), message);
        return call.json().comment(comment, true);
    }

    JsonValue update(DeckCall call, long cardId, long commentId) {
        Comment comment = own(call, cardId, commentId);
        String message = call.params().textOrEmpty("message");
        if (message.strip().codePointCount(0, message.strip().length()) > MAX_MESSAGE_LENGTH) {
            // CommentService::update lets the comments manager's exception through to the middleware
            throw new DeckError(500, "Internal server error");
        }
        comment.message = message;
        return call.json().comment(comment, false);
    }

    JsonValue delete(DeckCall call, long cardId, long commentId) {
        Comment comment = own(call, cardId, commentId);
        call.state().comments.remove(comment.id);
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    private static Comment own(DeckCall call, long cardId, long commentId) {
        call.access().card(cardId, Need.READ);
        Comment comment = call.state().comments.get(commentId);
        if (comment == null || comment.cardId != cardId) {
            throw DeckError.notFound("No comment found.");
        }
        if (!comment.actor.equals(call.user())) {
            throw DeckError.denied("Only authors are allowed to edit their comment.");
        }
        return comment;
    }

    private static void checkLength(String message) {
        String trimmed = message.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_MESSAGE_LENGTH) {
            throw DeckError.badRequest("Message exceeds allowed character limit of " + MAX_MESSAGE_LENGTH);
        }
    }
}
