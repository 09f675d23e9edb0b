package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.Name;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which cards a listing shows: by state (open, done, archived, all), label and assignee. Deck lists a board's open
 * cards and its archived cards with two separate requests; this asks for what the state needs and merges.
 */
record CardFilter(Status status, Optional<String> label, Optional<String> assignee) {

    /** A card's state. Open cards are neither done nor archived; an archived card counts as archived only. */
    enum Status {
        @Name("open") OPEN,
        @Name("done") DONE,
        @Name("archived") ARCHIVED,
        @Name("all") ALL
    }

    static final String STATUS = "Which cards: open (neither done nor archived, the default), done, archived or all";
    static final String LABEL = "Only cards with this label: its title (any case) or its id";
    static final String ASSIGNEE = "Only cards assigned to this user id";

    boolean matches(Card card) {
        boolean state = switch (status) {
            case OPEN -> !card.archived() && !card.isDone();
            case DONE -> !card.archived() && card.isDone();
            case ARCHIVED -> card.archived();
            case ALL -> true;
        };
        return state && label.map(wanted -> card.labels().stream().anyMatch(label -> label.title()
                        .equalsIgnoreCase(wanted.strip()) || Long.toString(label.id()).equals(wanted.strip())))
                .orElse(true)
                && assignee.map(user -> card.assignees().stream()
                        .anyMatch(assigned -> assigned.id().equals(user.strip()))).orElse(true);
    }

    /** The board's stacks in board order, each with its matching cards by position. */
    List<Stack> stacks(DeckApi api, long boardId) throws ToolException {
        Map<Long, Stack> stacks = new LinkedHashMap<>();
        Map<Long, List<Card>> cards = new LinkedHashMap<>();
        if (status != Status.ARCHIVED) {
            collect(api.stacks(boardId), stacks, cards);
        }
        if (status == Status.ARCHIVED || status == Status.ALL) {
            collect(api.archivedStacks(boardId), stacks, cards);
        }
        List<Stack> out = new ArrayList<>();
        for (Stack stack : stacks.values()) {
            List<Card> matching = cards.get(stack.id()).stream().filter(this::matches).sorted(Views.CARD_ORDER)
                    .toList();
            out.add(new Stack(stack.id(), stack.boardId(), stack.title(), stack.order(), matching));
        }
        out.sort(Views.STACK_ORDER);
        return out;
    }

    private static void collect(List<Stack> answer, Map<Long, Stack> stacks, Map<Long, List<Card>> cards) {
        for (Stack stack : answer) {
            stacks.putIfAbsent(stack.id(), stack);
            cards.computeIfAbsent(stack.id(), id -> new ArrayList<>()).addAll(stack.cards());
        }
    }
}
