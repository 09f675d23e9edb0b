package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.DeckJson.EntityForm;
import dev.ncmcp.simulator.deck.Permissions.Need;
import jakarta.json.JsonObject;

import java.util.List;

/** {@code StackApiController}: the stacks of a board, with their open cards or, separately, their archived ones. */
final class StackEndpoints {

    /** GET /boards/{id}/stacks: every stack with its open cards (a stack without cards has no "cards" key). */
    SimResponse index(DeckCall call, long boardId) {
        call.access().boardEvenDeleted(boardId, Need.READ);
        List<JsonObject> stacks = call.state().stacksOf(boardId).stream()
                .map(stack -> call.json().stack(stack, openCards(call, stack))).toList();
        return SimResponse.json(200, DeckJson.array(stacks));
    }

    /** GET /boards/{id}/stacks/archived: every stack with its archived cards. */
    SimResponse archived(DeckCall call, long boardId) {
        call.access().boardEvenDeleted(boardId, Need.READ);
        List<JsonObject> stacks = call.state().stacksOf(boardId).stream()
                .map(stack -> call.json().stack(stack, call.state().cardsOf(stack.id, true).stream()
                        .map(card -> call.json().cardEntity(card, EntityForm.ARCHIVED_LIST)).toList()))
                .toList();
        return SimResponse.json(200, DeckJson.array(stacks));
    }

    SimResponse get(DeckCall call, long stackId) {
        Stack stack = call.access().stack(stackId, Need.READ);
        return SimResponse.json(200, call.json().stack(stack, openCards(call, stack)))
                .header("ETag", "\"" + DeckJson.etag(stack.lastModified) + "\"");
    }

    SimResponse create(DeckCall call, long boardId) {
        String title = Validate.text(call.params(), "title", 100);
        long order = Validate.number(call.params(), "order");
        Board board = call.access().board(boardId, Need.MANAGE);
        Access.writable(board);
        Stack stack = call.state().addStack(board.id, title, order);
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().stack(stack, null));
    }

    /** PUT /boards/{id}/stacks/{id}: title and order replace the stack's. */
    SimResponse update(DeckCall call, long boardId, long stackId) {
        String title = Validate.text(call.params(), "title", 100);
        long order = Validate.number(call.params(), "order");
        Stack stack = call.access().stack(stackId, Need.MANAGE);
        Board board = call.access().board(boardId, Need.MANAGE);
        Access.writable(call.state().boards.get(stack.boardId));
        stack.title = title;
        stack.boardId = board.id;
        stack.order = order;
        call.boardChanged(stack.boardId);
        return SimResponse.json(200, call.json().stack(stack, null));
    }

    /** DELETE: the stack is marked deleted, and with it its cards disappear from every list. */
    SimResponse delete(DeckCall call, long stackId) {
        Stack stack = call.access().stack(stackId, Need.MANAGE);
        stack.deletedAt = call.now();
        call.boardChanged(stack.boardId);
        return SimResponse.json(200, call.json().stack(stack, openCards(call, stack)));
    }

    private static List<JsonObject> openCards(DeckCall call, Stack stack) {
        return call.state().cardsOf(stack.id, false).stream().map(card -> call.json().cardDetails(card, null)).toList();
    }
}
