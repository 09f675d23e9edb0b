package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.files.FileStore;

import java.time.Duration;
import java.util.List;

/**
 * The demo's board "Website relaunch": three stacks, cards with descriptions, due dates, labels and the user as
 * assignee, a comment thread, an archived card, and a file of the user's sample files attached to a card.
 */
final class SampleBoard {
    private SampleBoard() {
    }

    static void create(DeckCall call, FileStore files) {
        DeckState state = call.state();
        String user = call.user();
        Board board = BoardEndpoints.createBoard(state, user, "Website relaunch", "0082c9");
        List<Label> labels = state.labelsOf(board.id);
        Label finished = labels.get(0);
        Label review = labels.get(1);
        Label action = labels.get(2);
        Stack backlog = state.addStack(board.id, "Backlog", 0);
        Stack doing = state.addStack(board.id, "In progress", 1);
        Stack done = state.addStack(board.id, "Done", 2);

        Card copy = card(call, backlog, 0, "Write the new landing page copy",
                "Short, friendly, and mention the **free trial**.", due(call, 14));
        label(state, copy, action);
        Card photos = card(call, backlog, 1, "Choose photos", "", null);
        Card design = card(call, doing, 0, "Review the design mock-ups",
                "Mock-ups are in the Documents folder; comment on the card when done.", due(call, 3));
        label(state, design, review);
        state.addAssignment(design.id, user);
        Comment question = state.addComment(design.id, user, 0, DueDates.now(call.now()),
                "Should the header stay blue?");
        state.addComment(design.id, user, question.id, DueDates.now(call.now()), "Yes, matching the logo.");
        Card hosting = card(call, done, 0, "Move hosting to the new server", "Done on Monday.", null);
        label(state, hosting, finished);
        Card old = card(call, done, 1, "Collect feedback on the old site", "", null);
        old.archived = true;
        files.with(user, tree -> tree.find("Documents/Project plan.txt"))
                .ifPresent(plan -> state.addShare(photos.id, user, plan.id(), call.now()));
        call.boardChanged(board.id);
    }

    private static Card card(DeckCall call, Stack stack, long order, String title, String description, String duedate) {
        Card card = call.state().addCard(stack.id, call.user(), call.now());
        card.title = title;
        card.description = description;
        card.type = "plain";
        card.order = order;
        card.duedate = duedate;
        call.cardChanged(card, false);
        return card;
    }

    private static void label(DeckState state, Card card, Label label) {
        state.cardLabels.computeIfAbsent(card.id, id -> new java.util.ArrayList<>()).add(label.id);
    }

    private static String due(DeckCall call, int days) {
        return DueDates.now(call.now() + Duration.ofDays(days).toSeconds());
    }
}
