package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.CardArgs.CardId;
import dev.ncmcp.plugin.deck.DeckApi.CardRef;
import dev.ncmcp.plugin.deck.DeckModel.Board;
import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.plugin.deck.DeckModel.Label;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.plugin.deck.DeckModel.User;
import dev.ncmcp.plugin.deck.DeckResults.CardList;
import dev.ncmcp.plugin.deck.DeckResults.CardSummary;
import dev.ncmcp.plugin.deck.DeckResults.CardView;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Name;
import dev.ncmcp.spi.tool.Page;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;
import static dev.ncmcp.plugin.deck.CardArgs.DATE_PATTERN;
import static dev.ncmcp.plugin.deck.CardArgs.DUEDATE;
import static dev.ncmcp.plugin.deck.DeckPlugin.READ;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/** Cards: list, read, create, edit, delete; moving, archiving, labels and assignees are {@link CardOrganizeTools}. */
final class CardTools {

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_list_cards", ListCards.class, CardList.class)
                        .title("List Deck cards")
                        .description("""
                                Lists the cards of a board, or of one of its stacks, page by page, and returns for \
                                each its id, stack, title, start of the description, due date, done, archived, \
                                labels, assignees and comment and attachment counts. Filter by state (open by \
                                default; done, archived or all), label or assignee. Use nc_deck_get_card for a \
                                card's full description.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.cards().size() + " of " + list.total() + " card(s)")
                        .handler(this::listCards),
                Tool.define("nc_deck_get_card", CardId.class, CardView.class)
                        .title("Get Deck card")
                        .description("""
                                Returns one card in full: title, markdown description, type, due date, done, \
                                archived, position, owner, labels, assignees, comment and attachment counts, created \
                                and modified times.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> Views.card(api(call).card(args.ref()), args.boardId())),
                Tool.define("nc_deck_create_card", CreateCard.class, CardView.class)
                        .title("Create Deck card")
                        .description("""
                                Creates a card in a stack, optionally with a description, due date, labels and \
                                assignees (who must be members of the board), and returns the card with its id. \
                                By default it goes to the end of the stack.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createCard),
                Tool.define("nc_deck_update_card", UpdateCard.class, CardView.class)
                        .title("Update Deck card")
                        .description("""
                                Changes a card's title, description (replaced as a whole), type or due date, or marks \
                                it done or not done; everything not given stays as it is. Returns the saved card. To \
                                move, archive, label or assign a card use the other nc_deck_ card tools.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateCard),
                Tool.define("nc_deck_delete_card", CardId.class, Deleted.class)
                        .title("Delete Deck card")
                        .description("""
                                Deletes a card with its comments and attachment links. Confirm with the user first; \
                                nc_deck_archive_card keeps a card out of sight without deleting it. Returns the id \
                                and title of the deleted card.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteCard));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    // ---- nc_deck_list_cards

    record ListCards(@Description(BOARD) @Range(min = 1) long boardId,
                     @Description("Only the cards of this stack") @Range(min = 1) Optional<Long> stackId,
                     @Description(CardFilter.STATUS) @Default("open") CardFilter.Status cards,
                     @Description(CardFilter.LABEL) Optional<String> label,
                     @Description(CardFilter.ASSIGNEE) Optional<String> assignee,
                     @Description("Characters of each card's description to show (0 for none)")
                     @Range(min = 0, max = 2000) @Default("200") int descriptionChars,
                     @Description("Maximum number of cards to return") @Range(min = 1, max = 500) @Default("50")
                     int limit,
                     @Description("The nextCursor of the previous call, to continue the list")
                     Optional<String> cursor) {
    }

    CardList listCards(ListCards args, ToolInvocation call) throws ToolException {
        CardFilter filter = new CardFilter(args.cards(), args.label(), args.assignee());
        List<Stack> stacks = filter.stacks(api(call), args.boardId());
        if (args.stackId().isPresent() && stacks.stream().noneMatch(stack -> stack.id() == args.stackId().get())) {
            throw ToolException.notFound("Board " + args.boardId() + " has no stack " + args.stackId().get()
                    + ". nc_deck_get_board lists its stacks.");
        }
        List<CardSummary> cards = stacks.stream()
                .filter(stack -> args.stackId().map(id -> id == stack.id()).orElse(true))
                .flatMap(stack -> stack.cards().stream())
                .map(card -> Views.cardSummary(card, args.descriptionChars()))
                .toList();
        Page<CardSummary> page = Page.of(cards, args.cursor(), args.limit());
        return new CardList(page.items(), page.total(), page.nextCursor());
    }

    // ---- nc_deck_create_card

    /** Deck's two card types. */
    enum CardType {
        @Name("plain") PLAIN,
        @Name("text") TEXT;

        String deck() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record CreateCard(@Description(BOARD) @Range(min = 1) long boardId,
                      @Description("Id of the stack to put the card in") @Range(min = 1) long stackId,
                      @Description("Card title") @Length(min = 1, max = 255) String title,
                      @Description("Description, markdown") @Default("") String description,
                      @Description("plain (the default) or text") @Default("plain") CardType type,
                      @Description(DUEDATE) @Matches(DATE_PATTERN) Optional<String> duedate,
                      @Description("Position in the stack, lowest first; by default at the end") @Range(min = 0)
                      Optional<Long> order,
                      @Description("Ids of the board's labels to put on the card") List<Long> labels,
                      @Description("User ids to assign; they must be members of the board") List<String> assignees) {
        CreateCard {
            title = NonBlank.check("title", title);
        }
    }

    CardView createCard(CreateCard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        if (!args.labels().isEmpty() || !args.assignees().isEmpty()) {
            Board board = api.board(args.boardId());
            checkLabels(board, args.labels(), "labels");
            checkMembers(board, args.assignees());
        }
        Stack stack = StackTools.StackRef.on(api, args.boardId(), args.stackId());
        long order = args.order().orElseGet(() -> stack.cards().stream().mapToLong(card -> card.order() + 1).max()
                .orElse(0));
        JsonObjectBuilder fields = Json.createObjectBuilder().add("title", args.title()).add("type", args.type().deck())
                .add("order", order).add("description", args.description());
        args.duedate().ifPresent(date -> fields.add("duedate", date));
        JsonArrayBuilder labels = Json.createArrayBuilder();
        args.labels().forEach(labels::add);
        JsonArrayBuilder users = Json.createArrayBuilder();
        args.assignees().forEach(user -> users.add(Json.createObjectBuilder().add("id", user).add("type", 0)));
        Card created = ArchivedBoards.explain(api, args.boardId(), () -> api.createCard(args.boardId(), args.stackId(),
                fields.add("labels", labels).add("users", users).build()));
        return Views.card(api.card(new CardRef(args.boardId(), args.stackId(), created.id())), args.boardId());
    }

    /** Deck assigns a label of another board with a 500; better to say which labels the board has. */
    static void checkLabels(Board board, List<Long> labelIds, String argument) throws ToolException {
        for (long id : labelIds) {
            if (board.labels().stream().noneMatch(label -> label.id() == id)) {
                throw ToolException.invalidArgument("'" + argument + "': board " + board.id() + " has no label " + id
                        + ". Its labels are: " + String.join(", ", board.labels().stream()
                        .map(label -> label.id() + " " + label.title()).toList()) + ".");
            }
        }
    }

    /** Deck refuses to assign someone who cannot see the board; say so before the card exists. */
    static void checkMembers(Board board, List<String> users) throws ToolException {
        for (String user : users) {
            if (board.users().stream().noneMatch(member -> member.id().equals(user))) {
                throw ToolException.invalidArgument("'assignees': " + user + " is not a member of board " + board.id()
                        + " (members: " + String.join(", ", board.users().stream().map(User::id).toList())
                        + "). Share the board with them first (nc_deck_share_board).");
            }
        }
    }

    // ---- nc_deck_update_card

    record UpdateCard(@Description(BOARD) @Range(min = 1) long boardId,
                      @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                      @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                      @Description("New title") @Length(min = 1, max = 255) Optional<String> title,
                      @Description("New description, markdown; replaces the whole description")
                      Optional<String> description,
                      @Description("plain or text") Optional<CardType> type,
                      @Description(DUEDATE + "; an empty string removes the due date")
                      @Matches("(" + DATE_PATTERN + ")?") Optional<String> duedate,
                      @Description("true marks the card done, false not done") Optional<Boolean> done) {
        UpdateCard {
            title = title.map(value -> NonBlank.check("title", value));
            if (title.isEmpty() && description.isEmpty() && type.isEmpty() && duedate.isEmpty() && done.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give at least one of title, description, type, "
                        + "duedate, done");
            }
        }
    }

    /** The PUT goes to the card's own stack, read first: Deck moves the card to whatever stack the URL names. */
    CardView updateCard(UpdateCard args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        CardRef given = new CardRef(args.boardId(), args.stackId(), args.cardId());
        Card card = api.card(given);
        CardFields fields = CardFields.of(card);
        args.title().ifPresent(fields::title);
        args.description().ifPresent(fields::description);
        args.type().ifPresent(type -> fields.type(type.deck()));
        args.duedate().ifPresent(date -> fields.duedate(Optional.of(date).filter(text -> !text.isEmpty())));
        args.done().ifPresent(fields::done);
        CardRef here = given.in(args.boardId(), card.stackId());
        ArchivedBoards.explain(api, args.boardId(), () -> api.updateCard(here, fields.build()));
        return Views.card(api.card(here), args.boardId());
    }

    // ---- nc_deck_delete_card

    Deleted deleteCard(CardId args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Card card = api.card(args.ref());
        ArchivedBoards.explain(api, args.boardId(), () -> api.deleteCard(args.ref()));
        return new Deleted("card", card.id(), card.title(), true);
    }

    static List<Long> labelIds(Card card) {
        return card.labels().stream().map(Label::id).toList();
    }
}
