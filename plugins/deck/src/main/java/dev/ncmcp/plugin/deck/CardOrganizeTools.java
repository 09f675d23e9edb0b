package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckApi.CardRef;
import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.plugin.deck.DeckModel.User;
import dev.ncmcp.plugin.deck.DeckResults.CardView;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/** Where a card is and what it carries: move and reorder it, archive it, its labels and its assignees. */
final class CardOrganizeTools {

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_move_card", MoveCard.class, CardView.class)
                        .title("Move Deck card")
                        .description("""
                                Moves a card to another position in its stack, to another stack, or to a stack of \
                                another board (labels are matched there by title), and returns the card where it is \
                                now. Positions count from 0 at the top; by default the card goes to the end.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::moveCard),
                Tool.define("nc_deck_archive_card", ArchiveCard.class, CardView.class)
                        .title("Archive Deck card")
                        .description("""
                                Archives a card (it leaves the board's open cards but is kept, listed with \
                                cards=archived) or, with archived=false, brings it back. Returns the card.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::archiveCard),
                Tool.define("nc_deck_change_card_labels", ChangeLabels.class, CardView.class)
                        .title("Change Deck card labels")
                        .description("""
                                Puts labels of the card's board on a card and takes others off (label ids from \
                                nc_deck_get_board); labels already there or already gone are left alone. Returns the \
                                card with its labels.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::changeLabels),
                Tool.define("nc_deck_change_card_assignees", ChangeAssignees.class, CardView.class)
                        .title("Change Deck card assignees")
                        .description("""
                                Assigns users to a card and unassigns others (user ids; assignees must be members \
                                of the board, see nc_deck_get_board); users already assigned or not assigned are \
                                left alone. Returns the card with its assignees.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::changeAssignees));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    // ---- nc_deck_move_card

    record MoveCard(@Description(BOARD) @Range(min = 1) long boardId,
                    @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                    @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                    @Description("Id of the stack to move the card to; its current stack to only reorder it")
                    @Range(min = 1) long toStackId,
                    @Description("Id of the board of toStackId when it is another board") @Range(min = 1)
                    Optional<Long> toBoardId,
                    @Description("Position in the target stack, 0 for the top; by default the end") @Range(min = 0)
                    Optional<Long> position) {
    }

    /**
     * Within a board Deck's reorder places the card; the target stack must be in the URL (Deck ignores the body's
     * {@code stackId} there). To another board only the card update moves it, and maps its labels.
     */
    CardView moveCard(MoveCard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Card card = unarchived(api.card(new CardRef(args.boardId(), args.stackId(), args.cardId())), "moved");
        long targetBoard = args.toBoardId().orElse(args.boardId());
        Stack target = StackTools.StackRef.on(api, targetBoard, args.toStackId());
        if (card.stackId() != target.id()) {
            long from = api.stack(args.boardId(), card.stackId()).boardId();
            if (from != args.boardId()) {
                throw ToolException.invalidArgument("Card " + card.id() + " is on board " + from + ", not on board "
                        + args.boardId() + ". Pass its own board as boardId, and the other board as toBoardId.");
            }
        }
        long position = args.position()
                .orElseGet(() -> target.cards().stream().filter(other -> other.id() != card.id()).count());
        CardRef moved = new CardRef(targetBoard, target.id(), card.id());
        if (targetBoard == args.boardId()) {
            JsonObject reorder = Json.createObjectBuilder().add("stackId", target.id()).add("order", position).build();
            ArchivedBoards.explain(api, targetBoard,
                    () -> api.checked(api.cardAction(moved, "reorder", reorder), moved.subject()));
        } else {
            JsonObject fields = CardFields.of(card).order(position).build();
            ArchivedBoards.explain(api, args.boardId(), () -> api.updateCard(moved, fields));
        }
        return Views.card(api.card(moved), targetBoard);
    }

    // ---- nc_deck_archive_card

    record ArchiveCard(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                       @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                       @Description("true archives the card, false unarchives it") @Default("true") boolean archived) {
    }

    /** Deck 1.15 has archive and unarchive routes; Deck 1.13 answers them 405, and only the card update archives. */
    CardView archiveCard(ArchiveCard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Card card = api.card(new CardRef(args.boardId(), args.stackId(), args.cardId()));
        CardRef here = new CardRef(args.boardId(), card.stackId(), card.id());
        if (card.archived() != args.archived()) {
            ArchivedBoards.explain(api, args.boardId(), () -> {
                NextcloudResponse response = api.cardAction(here, args.archived() ? "archive" : "unarchive",
                        JsonValue.EMPTY_JSON_OBJECT);
                if (response.status() == 405) {
                    api.updateCard(here, CardFields.of(card).archived(args.archived()).build());
                } else {
                    api.checked(response, here.subject());
                }
            });
        }
        return Views.card(api.card(here), args.boardId());
    }

    // ---- nc_deck_change_card_labels

    record ChangeLabels(@Description(BOARD) @Range(min = 1) long boardId,
                        @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                        @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                        @Description("Ids of labels to put on the card") List<Long> add,
                        @Description("Ids of labels to take off the card") List<Long> remove) {
        ChangeLabels {
            if (add.isEmpty() && remove.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give label ids in 'add', 'remove' or both");
            }
        }
    }

    CardView changeLabels(ChangeLabels args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Card card = unarchived(api.card(new CardRef(args.boardId(), args.stackId(), args.cardId())), "relabelled");
        CardRef here = new CardRef(args.boardId(), card.stackId(), card.id());
        List<Long> current = CardTools.labelIds(card);
        if (!args.add().isEmpty()) {
            CardTools.checkLabels(api.board(args.boardId()), args.add(), "add");
        }
        ArchivedBoards.explain(api, args.boardId(), () -> {
            for (long label : args.add().stream().distinct().filter(id -> !current.contains(id)).toList()) {
                api.checked(api.cardAction(here, "assignLabel", labelId(label)), here.subject());
            }
            for (long label : args.remove().stream().distinct().filter(current::contains).toList()) {
                api.checked(api.cardAction(here, "removeLabel", labelId(label)), here.subject());
            }
        });
        return Views.card(api.card(here), args.boardId());
    }

    // ---- nc_deck_change_card_assignees

    record ChangeAssignees(@Description(BOARD) @Range(min = 1) long boardId,
                           @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                           @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                           @Description("User ids to assign") List<String> add,
                           @Description("User ids to unassign") List<String> remove) {
        ChangeAssignees {
            if (add.isEmpty() && remove.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give user ids in 'add', 'remove' or both");
            }
        }
    }

    CardView changeAssignees(ChangeAssignees args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Card card = api.card(new CardRef(args.boardId(), args.stackId(), args.cardId()));
        CardRef here = new CardRef(args.boardId(), card.stackId(), card.id());
        List<String> current = card.assignees().stream().map(User::id).toList();
        ArchivedBoards.explain(api, args.boardId(), () -> {
            for (String user : args.add().stream().distinct().filter(id -> !current.contains(id)).toList()) {
                NextcloudResponse response = api.cardAction(here, "assignUser", userId(user));
                if (response.status() == 400) {
                    throw ToolException.invalidArgument("'add': Deck did not assign " + user + " to card " + card.id()
                            + ": " + Refusal.of(response).reason().orElse("HTTP 400") + ". Assignees must be members "
                            + "of the board (nc_deck_get_board lists them; nc_deck_share_board adds one).");
                }
                api.checked(response, here.subject());
            }
            for (String user : args.remove().stream().distinct().filter(current::contains).toList()) {
                api.checked(api.cardAction(here, "unassignUser", userId(user)), here.subject());
            }
        });
        return Views.card(api.card(here), args.boardId());
    }

    private static JsonObject labelId(long label) {
        return Json.createObjectBuilder().add("labelId", label).build();
    }

    private static JsonObject userId(String user) {
        return Json.createObjectBuilder().add("userId", user).build();
    }

    /** Deck refuses to move or relabel an archived card with a bare HTTP 500; say what to do instead. */
    private static Card unarchived(Card card, String what) throws ToolException {
        if (card.archived()) {
            throw ToolException.conflict("Card " + card.id() + " is archived and cannot be " + what + ". Unarchive it "
                    + "first with nc_deck_archive_card (archived=false).", null);
        }
        return card;
    }
}
