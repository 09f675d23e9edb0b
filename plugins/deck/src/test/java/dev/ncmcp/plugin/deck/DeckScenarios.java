package dev.ncmcp.plugin.deck;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.RecordedRequest;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static dev.ncmcp.plugin.deck.DeckHarness.args;
import static dev.ncmcp.plugin.deck.DeckHarness.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Deck tools against the Nextcloud simulator through the real HTTP client, once per Nextcloud version
 * ({@link DeckToolsNc31Test}, {@link DeckToolsNc29Test}): every tool, its results checked against its output schema,
 * and Deck's refusals as the errors a model gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeckScenarios {

    DeckHarness nc;

    abstract NextcloudVersion version();

    @BeforeAll
    void start() {
        nc = new DeckHarness(version());
    }

    @AfterAll
    void stop() {
        nc.close();
    }

    @Test
    void boardLifecycleFromCreateToDeleteAndNoIfModifiedSince() throws ToolException {
        JsonObject created = nc.call("nc_deck_create_board", args("title", "Plan", "color", "ff8800"));
        long board = id(created);
        assertEquals("Plan", created.getString("title"));
        assertEquals("bob", created.getJsonObject("owner").getString("id"));
        assertEquals(List.of("Finished", "To review", "Action needed", "Later"), titles(created, "labels"));
        assertTrue(created.getJsonObject("permissions").getBoolean("manage"));

        JsonObject listed = nc.call("nc_deck_list_boards", args("details", true));
        JsonObject plan = byId(listed, "boards", board);
        assertEquals(4, plan.getJsonArray("labels").size());
        assertFalse(plan.getBoolean("sharedWithYou"));

        JsonObject renamed = nc.call("nc_deck_update_board", args("boardId", board, "title", "Plan B"));
        assertEquals("Plan B", renamed.getString("title"));
        assertEquals("ff8800", renamed.getString("color"), "what is not given stays");

        nc.call("nc_deck_update_board", args("boardId", board, "archived", true));
        assertTrue(nc.call("nc_deck_list_boards", args()).getJsonArray("boards").stream()
                .noneMatch(b -> b.asJsonObject().getInt("id") == board), "archived boards are hidden by default");
        assertTrue(byId(nc.call("nc_deck_list_boards", args("includeArchived", true)), "boards", board)
                .getBoolean("archived"));
        ToolException archived = nc.failure("nc_deck_create_stack", args("boardId", board, "title", "Late"));
        assertEquals(Kind.CONFLICT, archived.kind());
        assertTrue(archived.getMessage().contains("archived") && archived.getMessage().contains("archived=false"),
                archived.getMessage());
        assertFalse(nc.call("nc_deck_update_board", args("boardId", board, "archived", false)).getBoolean("archived"));

        JsonObject deleted = nc.call("nc_deck_delete_board", args("boardId", board));
        assertEquals("Plan B", deleted.getString("title"));
        assertEquals(Kind.PERMISSION_DENIED, nc.failure("nc_deck_get_board", args("boardId", board)).kind());
        assertTrue(nc.call("nc_deck_list_boards", args("includeArchived", true)).getJsonArray("boards").stream()
                .noneMatch(b -> b.asJsonObject().getInt("id") == board), "deleted boards are hidden");

        for (RecordedRequest request : nc.simulator.requests()) {
            assertFalse(request.headers().containsKey("if-modified-since"),
                    "If-Modified-Since makes Deck fail with a 500 (deck/33): " + request);
        }
    }

    @Test
    void stacksAreOrderedRenamedAndDeletedWithTheirCards() throws ToolException {
        long board = nc.board("Stacks");
        JsonObject first = nc.call("nc_deck_create_stack", args("boardId", board, "title", "One", "order", 5));
        JsonObject second = nc.call("nc_deck_create_stack", args("boardId", board, "title", "Two"));
        assertEquals(6, second.getInt("order"), "a new stack goes after the last");
        JsonObject moved = nc.call("nc_deck_update_stack", args("boardId", board, "stackId", id(second), "order", 1,
                "title", "Zero"));
        assertEquals("Zero", moved.getString("title"));
        JsonObject read = nc.call("nc_deck_get_board", args("boardId", board));
        assertEquals(List.of("Zero", "One"), titles(read, "stacks"));

        nc.card(board, id(first), "Doomed");
        JsonObject deleted = nc.call("nc_deck_delete_stack", args("boardId", board, "stackId", id(first)));
        assertEquals("One", deleted.getString("title"));
        assertEquals(List.of("Zero"), titles(nc.call("nc_deck_get_board", args("boardId", board)), "stacks"));
        assertEquals(0, nc.call("nc_deck_list_cards", args("boardId", board, "cards", "all")).getInt("total"));

        long other = nc.board("Other");
        ToolException wrongBoard = nc.failure("nc_deck_update_stack", args("boardId", other, "stackId", id(second),
                "title", "x"));
        assertEquals(Kind.INVALID_ARGUMENT, wrongBoard.kind());
        assertTrue(wrongBoard.getMessage().contains("is on board " + board), wrongBoard.getMessage());
    }

    @Test
    void cardLifecycleKeepsWhatAnUpdateDoesNotName() throws ToolException {
        long board = nc.board("Cards");
        long stack = nc.stack(board, "To do");
        JsonObject labels = nc.call("nc_deck_get_board", args("boardId", board));
        long finished = labels.getJsonArray("labels").getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject card = nc.call("nc_deck_create_card", args("boardId", board, "stackId", stack, "title", "Write spec",
                "description", "First draft", "duedate", "2030-12-01T10:00:00Z", "labels", List.of(finished),
                "assignees", List.of("bob")));
        long cardId = id(card);
        assertEquals("First draft", card.getString("description"));
        assertEquals("2030-12-01T10:00:00+00:00", card.getString("duedate"));
        assertEquals(List.of("Finished"), titles(card, "labels"));
        assertEquals("bob", card.getJsonArray("assignees").getJsonObject(0).getString("id"));
        assertEquals(board, card.getJsonNumber("boardId").longValue());

        JsonObject renamed = nc.call("nc_deck_update_card", args("boardId", board, "stackId", stack, "cardId", cardId,
                "title", "Write spec v2"));
        assertEquals("Write spec v2", renamed.getString("title"));
        assertEquals("First draft", renamed.getString("description"), "Deck's PUT would clear it: it is sent again");
        assertEquals("2030-12-01T10:00:00+00:00", renamed.getString("duedate"));
        assertEquals(List.of("Finished"), titles(renamed, "labels"));

        JsonObject done = nc.call("nc_deck_update_card", args("boardId", board, "stackId", stack, "cardId", cardId,
                "done", true, "duedate", "", "type", "text"));
        assertTrue(done.containsKey("done"));
        assertFalse(done.containsKey("duedate"), "an empty duedate removes it");
        assertEquals("text", done.getString("type"));
        JsonObject stillDone = nc.call("nc_deck_update_card", args("boardId", board, "stackId", stack, "cardId", cardId,
                "description", "Final"));
        assertEquals(done.getString("done"), stillDone.getString("done"), "Deck clears done unless it is sent again");
        assertFalse(nc.call("nc_deck_update_card", args("boardId", board, "stackId", stack, "cardId", cardId,
                "done", false)).containsKey("done"));

        JsonObject deleted = nc.call("nc_deck_delete_card", args("boardId", board, "stackId", stack, "cardId", cardId));
        assertEquals("Write spec v2", deleted.getString("title"));
        ToolException gone = nc.failure("nc_deck_get_card", args("boardId", board, "stackId", stack, "cardId", cardId));
        assertEquals(Kind.NOT_FOUND, gone.kind(), "Deck's 403 'Card is deleted' is a missing card (deck/30)");
        assertTrue(gone.getMessage().contains("was deleted"), gone.getMessage());
    }

    @Test
    void anUpdateWithAStaleStackNeverMovesTheCard() throws ToolException {
        long board = nc.board("Stale");
        long todo = nc.stack(board, "To do");
        long done = nc.stack(board, "Done");
        long card = id(nc.card(board, todo, "Stays"));
        JsonObject updated = nc.call("nc_deck_update_card", args("boardId", board, "stackId", done, "cardId", card,
                "title", "Stays put"));
        assertEquals(todo, updated.getJsonNumber("stackId").longValue(), "Deck moves a card to the URL's stack");
    }

    @Test
    void movingReordersWithinAStackAndMovesToOtherStacksAndBoards() throws ToolException {
        long board = nc.board("Moves");
        long todo = nc.stack(board, "To do");
        long done = nc.stack(board, "Done");
        long a = id(nc.card(board, todo, "A"));
        long b = id(nc.card(board, todo, "B"));
        long c = id(nc.card(board, todo, "C"));
        nc.call("nc_deck_move_card", args("boardId", board, "stackId", todo, "cardId", c, "toStackId", todo, "position", 0));
        assertEquals(List.of("C", "A", "B"), cardTitles(board, todo));

        JsonObject moved = nc.call("nc_deck_move_card", args("boardId", board, "stackId", todo, "cardId", a,
                "toStackId", done));
        assertEquals(done, moved.getJsonNumber("stackId").longValue(), "the target stack goes into Deck's URL");
        assertEquals(List.of("C", "B"), cardTitles(board, todo));
        assertEquals(List.of("A"), cardTitles(board, done));

        long elsewhere = nc.board("Elsewhere");
        long inbox = nc.stack(elsewhere, "Inbox");
        long later = labelId(board, "Later");
        nc.call("nc_deck_change_card_labels", args("boardId", board, "stackId", todo, "cardId", b, "add", List.of(later)));
        JsonObject across = nc.call("nc_deck_move_card", args("boardId", board, "stackId", todo, "cardId", b,
                "toStackId", inbox, "toBoardId", elsewhere));
        assertEquals(elsewhere, across.getJsonNumber("boardId").longValue());
        assertEquals(inbox, across.getJsonNumber("stackId").longValue());
        assertEquals(List.of(labelId(elsewhere, "Later")), across.getJsonArray("labels").stream()
                .map(label -> label.asJsonObject().getJsonNumber("id").longValue()).toList(), "labels map by title");

        ToolException wrongBoard = nc.failure("nc_deck_move_card", args("boardId", board, "stackId", inbox,
                "cardId", b, "toStackId", done));
        assertEquals(Kind.INVALID_ARGUMENT, wrongBoard.kind(), "a move between boards must say so (labels)");
        assertTrue(wrongBoard.getMessage().contains("is on board " + elsewhere), wrongBoard.getMessage());

        ToolException notThere = nc.failure("nc_deck_move_card", args("boardId", board, "stackId", todo, "cardId", c,
                "toStackId", inbox));
        assertEquals(Kind.INVALID_ARGUMENT, notThere.kind());
        assertTrue(notThere.getMessage().contains("is on board " + elsewhere), notThere.getMessage());
    }

    @Test
    void archivingHidesACardFromTheOpenCardsAndIsIdempotent() throws ToolException {
        long board = nc.board("Archive");
        long stack = nc.stack(board, "Done");
        long card = id(nc.card(board, stack, "Old news"));
        nc.simulator.clearRequests();
        JsonObject archived = nc.call("nc_deck_archive_card", args("boardId", board, "stackId", stack, "cardId", card));
        assertTrue(archived.getBoolean("archived"));
        if (version() == NextcloudVersion.NC29) {
            assertTrue(nc.simulator.requests().stream().anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/archive")),
                    "tries deck 1.15's route first");
            assertTrue(nc.simulator.requests().stream().anyMatch(r -> r.method().equals("PUT")
                    && r.path().endsWith("/cards/" + card)), "falls back to the card update on deck 1.13 (405)");
        }
        assertTrue(nc.call("nc_deck_archive_card", args("boardId", board, "stackId", stack, "cardId", card))
                .getBoolean("archived"), "archiving twice is fine");
        assertEquals(0, nc.call("nc_deck_list_cards", args("boardId", board)).getInt("total"));
        JsonObject onlyArchived = nc.call("nc_deck_list_cards", args("boardId", board, "cards", "archived"));
        assertEquals(1, onlyArchived.getInt("total"));
        assertTrue(onlyArchived.getJsonArray("cards").getJsonObject(0).getBoolean("archived"));

        ToolException frozen = nc.failure("nc_deck_move_card", args("boardId", board, "stackId", stack, "cardId", card,
                "toStackId", stack, "position", 0));
        assertEquals(Kind.CONFLICT, frozen.kind());
        assertTrue(frozen.getMessage().contains("archived=false"), frozen.getMessage());

        assertFalse(nc.call("nc_deck_archive_card", args("boardId", board, "stackId", stack, "cardId", card,
                "archived", false)).getBoolean("archived"));
        assertEquals(1, nc.call("nc_deck_list_cards", args("boardId", board)).getInt("total"));
    }

    @Test
    void labelsAndAssigneesChangeIdempotentlyAndNameWhatIsWrong() throws ToolException {
        long board = nc.board("Tags");
        long stack = nc.stack(board, "To do");
        long card = id(nc.card(board, stack, "Tagged"));
        JsonObject urgent = nc.call("nc_deck_create_label", args("boardId", board, "title", "Urgent", "color", "ff0000"));
        ToolException twice = nc.failure("nc_deck_create_label", args("boardId", board, "title", "Urgent", "color", "00ff00"));
        assertEquals(Kind.INVALID_ARGUMENT, twice.kind());
        assertTrue(twice.getMessage().contains("title must be unique"), "Deck's own sentence: " + twice.getMessage());

        JsonObject labelled = nc.call("nc_deck_change_card_labels", args("boardId", board, "stackId", stack,
                "cardId", card, "add", List.of(id(urgent), id(urgent))));
        assertEquals(List.of("Urgent"), titles(labelled, "labels"));
        assertEquals(List.of("Urgent"), titles(nc.call("nc_deck_change_card_labels", args("boardId", board,
                "stackId", stack, "cardId", card, "add", List.of(id(urgent)))), "labels"), "adding again changes nothing");
        JsonObject recoloured = nc.call("nc_deck_update_label", args("boardId", board, "labelId", id(urgent),
                "color", "aa0000"));
        assertEquals("Urgent", recoloured.getString("title"));
        ToolException foreign = nc.failure("nc_deck_change_card_labels", args("boardId", board, "stackId", stack,
                "cardId", card, "add", List.of(999_999L)));
        assertEquals(Kind.INVALID_ARGUMENT, foreign.kind());
        assertTrue(foreign.getMessage().contains("Urgent"), "lists the board's labels: " + foreign.getMessage());
        assertEquals(List.of(), titles(nc.call("nc_deck_change_card_labels", args("boardId", board, "stackId", stack,
                "cardId", card, "remove", List.of(id(urgent)))), "labels"));

        ToolException stranger = nc.failure("nc_deck_change_card_assignees", args("boardId", board, "stackId", stack,
                "cardId", card, "add", List.of("alice")));
        assertEquals(Kind.INVALID_ARGUMENT, stranger.kind());
        assertTrue(stranger.getMessage().contains("alice") && stranger.getMessage().contains("not part of the board"),
                stranger.getMessage());
        nc.call("nc_deck_share_board", args("boardId", board, "participant", "alice"));
        JsonObject assigned = nc.call("nc_deck_change_card_assignees", args("boardId", board, "stackId", stack,
                "cardId", card, "add", List.of("alice", "bob")));
        assertEquals(List.of("alice", "bob"), ids(assigned, "assignees"));
        JsonObject unassigned = nc.call("nc_deck_change_card_assignees", args("boardId", board, "stackId", stack,
                "cardId", card, "remove", List.of("alice", "nobody")));
        assertEquals(List.of("bob"), ids(unassigned, "assignees"));

        JsonObject deleted = nc.call("nc_deck_delete_label", args("boardId", board, "labelId", id(urgent)));
        assertEquals("Urgent", deleted.getString("title"));
    }

    @Test
    void sharingGivesAccessAndPermissionsDecideWhatTheOtherUserMayDo() throws ToolException {
        long board = nc.board("Shared");
        long stack = nc.stack(board, "To do");
        ToolException hidden = nc.failure(nc.alice, "nc_deck_get_board", args("boardId", board));
        assertEquals(Kind.PERMISSION_DENIED, hidden.kind(), "a foreign board is 403 (deck/36)");
        assertTrue(hidden.getMessage().contains("not shared with you"), hidden.getMessage());

        JsonObject shared = nc.call("nc_deck_share_board", args("boardId", board, "participant", "alice",
                "canEdit", false));
        assertEquals("alice", shared.getJsonArray("sharedWith").getJsonObject(0).getString("participant"));
        JsonObject forAlice = byId(nc.call(nc.alice, "nc_deck_list_boards", args()), "boards", board);
        assertTrue(forAlice.getBoolean("sharedWithYou"));
        assertFalse(forAlice.getJsonObject("permissions").getBoolean("edit"));
        assertEquals(Kind.PERMISSION_DENIED, nc.failure(nc.alice, "nc_deck_create_card", args("boardId", board,
                "stackId", stack, "title", "Not allowed")).kind());

        nc.call("nc_deck_share_board", args("boardId", board, "participant", "alice", "canEdit", true));
        assertEquals(1, nc.call("nc_deck_get_board", args("boardId", board)).getJsonArray("sharedWith").size(),
                "sharing again changes the permissions of the existing share");
        nc.call(nc.alice, "nc_deck_create_card", args("boardId", board, "stackId", stack, "title", "Alice's"));
        assertEquals(List.of("bob", "alice"), ids(nc.call("nc_deck_get_board", args("boardId", board)), "members"));

        assertEquals(0, nc.call("nc_deck_unshare_board", args("boardId", board, "participant", "alice"))
                .getJsonArray("sharedWith").size());
        assertEquals(Kind.PERMISSION_DENIED, nc.failure(nc.alice, "nc_deck_get_board_overview",
                args("boardId", board)).kind());
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_deck_unshare_board", args("boardId", board, "participant", "alice"))
                .kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_share_board", args("boardId", board,
                "participant", "bob")).kind());
    }

    @Test
    void commentsThreadPageAndOnlyTheirAuthorEditsThem() throws ToolException {
        long board = nc.board("Talk");
        long stack = nc.stack(board, "To do");
        long card = id(nc.card(board, stack, "Discuss"));
        nc.call("nc_deck_share_board", args("boardId", board, "participant", "alice"));
        JsonObject first = nc.call("nc_deck_add_comment", args("cardId", card, "message", "Looks good @alice"));
        assertEquals(List.of("alice"), first.getJsonArray("mentions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        JsonObject reply = nc.call(nc.alice, "nc_deck_add_comment", args("cardId", card, "message", "Thanks",
                "replyTo", id(first)));
        assertEquals(id(first), reply.getJsonObject("replyTo").getJsonNumber("id").longValue());
        assertEquals("alice", reply.getString("author"));

        JsonObject page = nc.call("nc_deck_list_comments", args("cardId", card, "limit", 1));
        assertEquals(List.of("Thanks"), messages(page));
        JsonObject older = nc.call("nc_deck_list_comments", args("cardId", card, "limit", 1, "cursor",
                page.getString("nextCursor")));
        assertEquals(List.of("Looks good @alice"), messages(older));
        assertFalse(older.containsKey("nextCursor"));

        ToolException notTheirs = nc.failure(nc.alice, "nc_deck_edit_comment", args("cardId", card,
                "commentId", id(first), "message", "changed"));
        assertEquals(Kind.PERMISSION_DENIED, notTheirs.kind());
        assertTrue(notTheirs.getMessage().contains("Only authors"), "Deck's own sentence: " + notTheirs.getMessage());
        assertEquals("Looks fine", nc.call("nc_deck_edit_comment", args("cardId", card, "commentId", id(first),
                "message", "Looks fine")).getString("message"));
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_add_comment", args("cardId", card,
                "message", "x".repeat(1001))).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_add_comment", args("cardId", card,
                "message", "orphan", "replyTo", 999_999)).kind());

        nc.call("nc_deck_delete_comment", args("cardId", card, "commentId", id(first)));
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_deck_delete_comment", args("cardId", card, "commentId", id(first)))
                .kind());
        assertEquals(Kind.PERMISSION_DENIED, nc.failure("nc_deck_list_comments", args("cardId", 987_654)).kind(),
                "comments of a card that does not exist: OCS 403 (deck/20)");
    }

    @Test
    void filesAreAttachedBySharingAndDetachedWithoutDeletingThem() throws ToolException {
        long board = nc.board("Files");
        long stack = nc.stack(board, "To do");
        long card = id(nc.card(board, stack, "With spec"));
        nc.upload("spec.txt", "the spec");
        JsonObject attached = nc.call("nc_deck_attach_file", args("boardId", board, "stackId", stack, "cardId", card,
                "path", "/spec.txt"));
        assertEquals("file", attached.getString("type"));
        assertEquals("spec.txt", attached.getString("name"));
        assertEquals("/spec.txt", attached.getString("path"));
        assertEquals(8, attached.getInt("size"));
        JsonObject listed = nc.call("nc_deck_list_attachments", args("boardId", board, "stackId", stack, "cardId", card));
        assertEquals(1, listed.getJsonArray("attachments").size());
        assertEquals(1, nc.call("nc_deck_get_card", args("boardId", board, "stackId", stack, "cardId", card))
                .getInt("attachments"));

        ToolException missing = nc.failure("nc_deck_attach_file", args("boardId", board, "stackId", stack,
                "cardId", card, "path", "/nope.txt"));
        assertEquals(Kind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("/nope.txt"), missing.getMessage());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_attach_file", args("boardId", board, "stackId", stack,
                "cardId", card, "path", "/")).kind());

        nc.call("nc_deck_delete_attachment", args("boardId", board, "stackId", stack, "cardId", card,
                "attachmentId", id(attached)));
        assertEquals(0, nc.call("nc_deck_list_attachments", args("boardId", board, "stackId", stack, "cardId", card))
                .getJsonArray("attachments").size());
        assertTrue(nc.bob.send(dev.ncmcp.spi.nextcloud.NextcloudRequest.get(nc.bob.filesRoot() + "spec.txt").build())
                .isSuccess(), "the file stays in bob's files");
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_deck_delete_attachment", args("boardId", board, "stackId", stack,
                "cardId", card, "attachmentId", id(attached))).kind());
    }

    @Test
    void overviewShowsTheWholeBoardWithinItsBoundsAndFilters() throws ToolException {
        long board = nc.board("Overview");
        long todo = nc.stack(board, "To do");
        long done = nc.stack(board, "Done");
        long urgent = labelId(board, "Action needed");
        for (int i = 1; i <= 3; i++) {
            nc.call("nc_deck_create_card", args("boardId", board, "stackId", todo, "title", "Task " + i,
                    "description", "A long description number " + i + " that goes on and on",
                    "labels", i == 2 ? List.of(urgent) : List.of()));
        }
        long closed = id(nc.card(board, done, "Closed"));
        nc.call("nc_deck_update_card", args("boardId", board, "stackId", done, "cardId", closed, "done", true));

        JsonObject overview = nc.call("nc_deck_get_board_overview", args("boardId", board, "cardsPerStack", 2,
                "descriptionChars", 10));
        assertEquals("Overview", overview.getString("title"));
        assertEquals(3, overview.getInt("totalCards"), "open cards: the done card is left out");
        JsonObject firstStack = overview.getJsonArray("stacks").getJsonObject(0);
        assertEquals("To do", firstStack.getString("title"));
        assertEquals(2, firstStack.getJsonArray("cards").size());
        assertEquals(3, firstStack.getInt("total"));
        assertTrue(firstStack.getBoolean("truncated"));
        assertEquals("A long des…", firstStack.getJsonArray("cards").getJsonObject(0).getString("description"));

        JsonObject labelled = nc.call("nc_deck_get_board_overview", args("boardId", board, "label", "action NEEDED"));
        assertEquals(1, labelled.getInt("totalCards"));
        JsonObject doneCards = nc.call("nc_deck_get_board_overview", args("boardId", board, "cards", "done"));
        assertEquals(List.of("Closed"), doneCards.getJsonArray("stacks").getJsonObject(1).getJsonArray("cards").stream()
                .map(c -> c.asJsonObject().getString("title")).toList());

        JsonObject pageOne = nc.call("nc_deck_list_cards", args("boardId", board, "cards", "all", "limit", 3));
        assertEquals(4, pageOne.getInt("total"));
        JsonObject pageTwo = nc.call("nc_deck_list_cards", args("boardId", board, "cards", "all", "limit", 3,
                "cursor", pageOne.getString("nextCursor")));
        assertEquals(List.of("Closed"), pageTwo.getJsonArray("cards").stream().map(c -> c.asJsonObject().getString("title"))
                .toList());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_list_cards", args("boardId", board, "cursor", "bogus"))
                .kind());
        assertEquals(Kind.NOT_FOUND, nc.failure("nc_deck_list_cards", args("boardId", board, "stackId", 987_654))
                .kind());

        ResourceContents resource = nc.readResource("nc-deck://board/" + board, Map.of("id", Long.toString(board)))
                .getFirst();
        JsonObject json = Json.createReader(new StringReader(assertInstanceOf(ResourceContents.Text.class, resource).text()))
                .readObject();
        assertEquals(3, json.getInt("totalCards"));
        assertEquals(Kind.INVALID_ARGUMENT, org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                () -> nc.readResource("nc-deck://board/x", Map.of("id", "x"))).kind());
    }

    @Test
    void aBoardOverviewCostsTwoRequestsAndThreeWithArchivedCards() throws ToolException {
        long board = nc.board("Budget");
        long stack = nc.stack(board, "To do");
        for (int i = 0; i < 5; i++) {
            nc.card(board, stack, "Card " + i);
        }
        nc.simulator.clearRequests();
        nc.call("nc_deck_get_board_overview", args("boardId", board));
        assertEquals(2, nc.simulator.requests().size(), "the board, then its stacks with their cards");
        nc.simulator.clearRequests();
        nc.call("nc_deck_get_board_overview", args("boardId", board, "cards", "all"));
        assertEquals(3, nc.simulator.requests().size(), "and the archived cards");
    }

    @Test
    void argumentsTheModelCanFixAreInvalidArguments() {
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_create_board", args("title", "x", "color", "#fff")).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_create_board", args("title", "   ")).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_update_board", args("boardId", 1)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_update_card", args("boardId", 1, "stackId", 1,
                "cardId", 1)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_create_card", args("boardId", 1, "stackId", 1,
                "title", "x", "duedate", "next friday")).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_change_card_labels", args("boardId", 1, "stackId", 1,
                "cardId", 1)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, nc.failure("nc_deck_get_board", args("boardId", 0)).kind());
    }

    @Test
    void aBoardThatDoesNotExistIsPermissionDeniedAsDeckSaysIt() {
        ToolException e = nc.failure("nc_deck_get_board_overview", args("boardId", 987_654));
        assertEquals(Kind.PERMISSION_DENIED, e.kind(), "deck/37: 403, never 404");
        assertTrue(e.getMessage().contains("987654") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void maintenanceModeIsUnavailableAndA503IsRetried() throws ToolException {
        nc.simulator.failNext(1, 503, 1);
        nc.call("nc_deck_list_boards", args());
        nc.simulator.maintenance(true);
        try {
            assertEquals(Kind.UNAVAILABLE, nc.failure("nc_deck_list_boards", args()).kind());
        } finally {
            nc.simulator.maintenance(false);
        }
    }

    // ---- helpers

    long labelId(long board, String title) throws ToolException {
        return nc.call("nc_deck_get_board", args("boardId", board)).getJsonArray("labels").stream()
                .map(JsonValue::asJsonObject).filter(label -> label.getString("title").equals(title))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    List<String> cardTitles(long board, long stack) throws ToolException {
        return nc.call("nc_deck_list_cards", args("boardId", board, "stackId", stack)).getJsonArray("cards").stream()
                .map(card -> card.asJsonObject().getString("title")).toList();
    }

    static JsonObject byId(JsonObject json, String list, long id) {
        return json.getJsonArray(list).stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    static List<String> titles(JsonObject json, String list) {
        return json.getJsonArray(list).stream().map(item -> item.asJsonObject().getString("title")).toList();
    }

    static List<String> ids(JsonObject json, String list) {
        return json.getJsonArray(list).stream().map(item -> item.asJsonObject().getString("id")).toList();
    }

    static List<String> messages(JsonObject json) {
        return json.getJsonArray("comments").stream().map(item -> item.asJsonObject().getString("message")).toList();
    }
}
