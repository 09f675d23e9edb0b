package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.plugin.deck.DeckResults.StackView;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/** Stacks (a board's columns): create, rename, reorder, delete. Their cards are listed by the card tools. */
final class StackTools {
    static final String STACK = "Stack id, from nc_deck_get_board or nc_deck_get_board_overview";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_create_stack", CreateStack.class, StackView.class)
                        .title("Create Deck stack")
                        .description("""
                                Adds a stack (column) to a board, after the existing ones unless an order is given, \
                                and returns its id, title and order. Needs the manage permission.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createStack),
                Tool.define("nc_deck_update_stack", UpdateStack.class, StackView.class)
                        .title("Update Deck stack")
                        .description("""
                                Renames a stack or moves it among the board's stacks (stacks are shown by order, \
                                lowest first, the older first on equal orders) and returns it. Needs the manage \
                                permission.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateStack),
                Tool.define("nc_deck_delete_stack", StackRef.class, Deleted.class)
                        .title("Delete Deck stack")
                        .description("""
                                Deletes a stack together with all its cards. Confirm with the user first; move cards \
                                you want to keep with nc_deck_move_card before. Returns the id and title of the \
                                deleted stack.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteStack));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    record CreateStack(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description("Stack title") @Length(min = 1, max = 100) String title,
                       @Description("Position among the stacks, lowest first; by default after the last one")
                       @Range(min = 0) Optional<Long> order) {
        CreateStack {
            title = NonBlank.check("title", title);
        }
    }

    StackView createStack(CreateStack args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        long order = args.order().isPresent() ? args.order().get()
                : api.board(args.boardId()).stacks().stream().mapToLong(stack -> stack.order() + 1).max().orElse(0);
        return Views.stack(ArchivedBoards.explain(api, args.boardId(), () -> api.createStack(args.boardId(),
                Json.createObjectBuilder().add("title", args.title()).add("order", order).build())));
    }

    record UpdateStack(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description(STACK) @Range(min = 1) long stackId,
                       @Description("New title") @Length(min = 1, max = 100) Optional<String> title,
                       @Description("New position among the stacks, lowest first") @Range(min = 0)
                       Optional<Long> order) {
        UpdateStack {
            title = title.map(value -> NonBlank.check("title", value));
            if (title.isEmpty() && order.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give title, order or both");
            }
        }
    }

    /** Deck's PUT takes title and order together, so the current values fill the gap. */
    StackView updateStack(UpdateStack args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Stack current = StackRef.on(api, args.boardId(), args.stackId());
        return Views.stack(ArchivedBoards.explain(api, args.boardId(), () -> api.updateStack(args.boardId(),
                args.stackId(), Json.createObjectBuilder().add("title", args.title().orElse(current.title()))
                        .add("order", args.order().orElse(current.order())).build())));
    }

    record StackRef(@Description(BOARD) @Range(min = 1) long boardId,
                    @Description(STACK) @Range(min = 1) long stackId) {

        /** The stack, checked to be on the board: Deck itself reads a stack by its id alone. */
        static Stack on(DeckApi api, long boardId, long stackId) throws ToolException {
            Stack stack = api.stack(boardId, stackId);
            if (stack.boardId() != boardId) {
                throw ToolException.invalidArgument("Stack " + stackId + " is on board " + stack.boardId()
                        + ", not on board " + boardId + ". nc_deck_get_board lists a board's stacks.");
            }
            return stack;
        }
    }

    Deleted deleteStack(StackRef args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Stack stack = StackRef.on(api, args.boardId(), args.stackId());
        api.deleteStack(args.boardId(), args.stackId());
        return new Deleted("stack", stack.id(), stack.title(), true);
    }
}
