package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Acl;
import dev.ncmcp.plugin.deck.DeckModel.Board;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.plugin.deck.DeckResults.BoardList;
import dev.ncmcp.plugin.deck.DeckResults.BoardOverview;
import dev.ncmcp.plugin.deck.DeckResults.BoardSharing;
import dev.ncmcp.plugin.deck.DeckResults.BoardSummary;
import dev.ncmcp.plugin.deck.DeckResults.BoardView;
import dev.ncmcp.plugin.deck.DeckResults.CardSummary;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.plugin.deck.DeckResults.StackOverview;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Name;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.DeckPlugin.READ;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/** Boards: list, read, the one-call overview, create, change, archive, delete, and who they are shared with. */
final class BoardTools {
    static final String BOARD = "Board id, from nc_deck_list_boards";
    static final String COLOR = "Color as six hex digits without '#', e.g. 0082c9";
    static final String HEX_COLOR = "[0-9a-fA-F]{6}";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_list_boards", ListBoards.class, BoardList.class)
                        .title("List Deck boards")
                        .description("""
                                Lists the Deck boards the user owns or that are shared with them and returns for each \
                                its id, title, color, owner, whether it is archived or shared with you, and your \
                                permissions; with details=true also its stacks and labels. Deleted boards are left \
                                out, archived ones unless includeArchived is set. Start here to find a board id.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.total() + " board(s)")
                        .handler(this::listBoards),
                Tool.define("nc_deck_get_board", BoardId.class, BoardView.class)
                        .title("Get Deck board")
                        .description("""
                                Returns one board: title, color, archived, owner, your permissions, its stacks \
                                (columns) with ids, its labels with ids and colors, its members and with whom it is \
                                shared at which permissions. Use nc_deck_get_board_overview to see its cards.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> Views.board(api(call).board(args.boardId()))),
                Tool.define("nc_deck_get_board_overview", Overview.class, BoardOverview.class)
                        .title("Deck board overview")
                        .description("""
                                Returns a whole board in one call: its labels and every stack with its cards (title, \
                                start of the description, due date, done, labels, assignees, comment and attachment \
                                counts), at most cardsPerStack per stack. Filter by state (open by default; done, \
                                archived or all), label or assignee. The way to answer 'what is on this board'.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(overview -> overview.title() + ": " + overview.stacks().size() + " stack(s), "
                                + overview.totalCards() + " card(s)")
                        .handler(this::overview),
                Tool.define("nc_deck_create_board", CreateBoard.class, BoardView.class)
                        .title("Create Deck board")
                        .description("""
                                Creates a board owned by the user, with Deck's four default labels (Finished, To \
                                review, Action needed, Later) and no stacks, and returns it. Add columns with \
                                nc_deck_create_stack.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createBoard),
                Tool.define("nc_deck_update_board", UpdateBoard.class, BoardView.class)
                        .title("Update Deck board")
                        .description("""
                                Renames a board, changes its color, or archives or unarchives it (an archived board \
                                is read-only and hidden from nc_deck_list_boards by default), and returns the board. \
                                Needs the manage permission.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateBoard),
                Tool.define("nc_deck_delete_board", BoardId.class, Deleted.class)
                        .title("Delete Deck board")
                        .description("""
                                Deletes a board with all its stacks and cards; it disappears from every list and \
                                only its owner can undo this in Deck's web interface. Needs the manage permission. \
                                Confirm with the user first. Returns the id and title of the deleted board.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteBoard),
                Tool.define("nc_deck_share_board", ShareBoard.class, BoardSharing.class)
                        .title("Share Deck board")
                        .description("""
                                Shares a board with a user or group, or changes what they may do on it if it is \
                                already shared with them: everyone it is shared with can read it; canEdit lets them \
                                change cards, canShare share it further, canManage change the board itself. \
                                Returns all shares of the board. Needs the share permission.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::shareBoard),
                Tool.define("nc_deck_unshare_board", UnshareBoard.class, BoardSharing.class)
                        .title("Unshare Deck board")
                        .description("""
                                Stops sharing a board with a user or group; a user loses access and is unassigned \
                                from its cards. Returns the remaining shares. Needs the manage permission.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::unshareBoard));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    // ---- nc_deck_list_boards

    record ListBoards(@Description("Also list archived boards") @Default("false") boolean includeArchived,
                      @Description("Also return each board's stacks and labels") @Default("false") boolean details) {
    }

    BoardList listBoards(ListBoards args, ToolInvocation call) throws ToolException {
        List<BoardSummary> boards = api(call).boards(args.details()).stream()
                .filter(board -> !board.deleted() && (args.includeArchived() || !board.archived()))
                .map(board -> Views.boardSummary(board, args.details()))
                .toList();
        return new BoardList(boards, boards.size());
    }

    // ---- nc_deck_get_board, nc_deck_delete_board

    record BoardId(@Description(BOARD) @Range(min = 1) long boardId) {
    }

    Deleted deleteBoard(BoardId args, ToolInvocation call) throws ToolException {
        Board board = api(call).deleteBoard(args.boardId());
        return new Deleted("board", board.id(), board.title(), true);
    }

    // ---- nc_deck_get_board_overview

    record Overview(@Description(BOARD) @Range(min = 1) long boardId,
                    @Description(CardFilter.STATUS) @Default("open") CardFilter.Status cards,
                    @Description(CardFilter.LABEL) Optional<String> label,
                    @Description(CardFilter.ASSIGNEE) Optional<String> assignee,
                    @Description("At most this many cards per stack") @Range(min = 1, max = 200) @Default("25")
                    int cardsPerStack,
                    @Description("Characters of each card's description to show (0 for none)")
                    @Range(min = 0, max = 2000) @Default("120") int descriptionChars) {
    }

    BoardOverview overview(Overview args, ToolInvocation call) throws ToolException {
        return overview(args, api(call));
    }

    BoardOverview overview(Overview args, DeckApi api) throws ToolException {
        Board board = api.board(args.boardId());
        CardFilter filter = new CardFilter(args.cards(), args.label(), args.assignee());
        List<StackOverview> stacks = new ArrayList<>();
        int total = 0;
        for (Stack stack : filter.stacks(api, board.id())) {
            List<CardSummary> shown = stack.cards().stream().limit(args.cardsPerStack())
                    .map(card -> Views.cardSummary(card, args.descriptionChars())).toList();
            stacks.add(new StackOverview(stack.id(), stack.title(), stack.order(), shown, stack.cards().size(),
                    stack.cards().size() > shown.size()));
            total += stack.cards().size();
        }
        return new BoardOverview(board.id(), board.title(), board.archived(),
                board.labels().stream().map(Views::label).toList(), stacks, total);
    }

    // ---- nc_deck_create_board

    record CreateBoard(@Description("Board title") @Length(min = 1, max = 100) String title,
                       @Description(COLOR) @Matches(HEX_COLOR) @Default("0082c9") String color) {
        CreateBoard {
            title = NonBlank.check("title", title);
        }
    }

    BoardView createBoard(CreateBoard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Board created = api.createBoard(Json.createObjectBuilder().add("title", args.title()).add("color", args.color())
                .build());
        return Views.board(api.board(created.id()));
    }

    // ---- nc_deck_update_board

    record UpdateBoard(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description("New title") @Length(min = 1, max = 100) Optional<String> title,
                       @Description(COLOR) @Matches(HEX_COLOR) Optional<String> color,
                       @Description("true archives the board (read-only), false unarchives it")
                       Optional<Boolean> archived) {
        UpdateBoard {
            title = title.map(value -> NonBlank.check("title", value));
            if (title.isEmpty() && color.isEmpty() && archived.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give at least one of title, color, archived");
            }
        }
    }

    /** Deck's PUT replaces title, color and archived together, so the current values fill the gaps. */
    BoardView updateBoard(UpdateBoard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Board current = api.board(args.boardId());
        JsonObjectBuilder fields = Json.createObjectBuilder()
                .add("title", args.title().orElse(current.title()))
                .add("color", args.color().orElse(current.color()))
                .add("archived", args.archived().orElse(current.archived()));
        return Views.board(api.updateBoard(args.boardId(), fields.build()));
    }

    // ---- nc_deck_share_board, nc_deck_unshare_board

    /** Whom a board is shared with. */
    enum ParticipantType {
        @Name("user") USER(0),
        @Name("group") GROUP(1);

        final int deckType;

        ParticipantType(int deckType) {
            this.deckType = deckType;
        }
    }

    record ShareBoard(@Description(BOARD) @Range(min = 1) long boardId,
                      @Description("User id or group id to share with") @Length(min = 1, max = 64) String participant,
                      @Description("user or group") @Default("user") ParticipantType type,
                      @Description("May create and change cards") @Default("true") boolean canEdit,
                      @Description("May share the board further") @Default("false") boolean canShare,
                      @Description("May change and delete the board, its stacks and labels") @Default("false")
                      boolean canManage) {
    }

    BoardSharing shareBoard(ShareBoard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Board board = api.board(args.boardId());
        if (args.type() == ParticipantType.USER && board.owner().id().equals(args.participant())) {
            throw ToolException.invalidArgument("'participant' " + args.participant() + " owns board "
                    + board.id() + "; a board is shared with others.");
        }
        JsonObjectBuilder permissions = Json.createObjectBuilder().add("permissionEdit", args.canEdit())
                .add("permissionShare", args.canShare()).add("permissionManage", args.canManage());
        Optional<Acl> existing = find(board, args.participant(), args.type());
        if (existing.isPresent()) {
            api.updateAcl(board.id(), existing.get().id(), permissions.build());
        } else {
            api.addAcl(board.id(), permissions.add("type", args.type().deckType).add("participant", args.participant())
                    .build());
        }
        return sharing(api, board.id());
    }

    record UnshareBoard(@Description(BOARD) @Range(min = 1) long boardId,
                        @Description("User id or group id the board is shared with") @Length(min = 1)
                        String participant,
                        @Description("user or group") @Default("user") ParticipantType type) {
    }

    BoardSharing unshareBoard(UnshareBoard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Board board = api.board(args.boardId());
        Acl acl = find(board, args.participant(), args.type()).orElseThrow(() -> ToolException.notFound("Board "
                + board.id() + " is not shared with " + args.type().name().toLowerCase(java.util.Locale.ROOT) + " '"
                + args.participant() + "'. nc_deck_get_board lists its shares."));
        api.deleteAcl(board.id(), acl.id());
        return sharing(api, board.id());
    }

    private static Optional<Acl> find(Board board, String participant, ParticipantType type) {
        return board.acl().stream()
                .filter(acl -> acl.type() == type.deckType && acl.participant().id().equals(participant))
                .findFirst();
    }

    private static BoardSharing sharing(DeckApi api, long boardId) throws ToolException {
        return new BoardSharing(boardId, api.board(boardId).acl().stream().map(Views::share).toList());
    }
}
