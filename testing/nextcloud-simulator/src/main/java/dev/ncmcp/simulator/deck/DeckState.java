package dev.ncmcp.simulator.deck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything Deck stores, for all users, in memory. Each kind of object has its own id sequence, as each has its
 * own table in Deck, so a card and a stack may share an id. Callers hold the state's monitor.
 */
final class DeckState {
    final Map<Long, Board> boards = new TreeMap<>();
    final Map<Long, Stack> stacks = new TreeMap<>();
    final Map<Long, Card> cards = new TreeMap<>();
    final Map<Long, Label> labels = new TreeMap<>();
    final Map<Long, Acl> acls = new TreeMap<>();
    final Map<Long, Assignment> assignments = new TreeMap<>();
    final Map<Long, Comment> comments = new TreeMap<>();
    final Map<Long, CardShare> shares = new TreeMap<>();
    /** Label ids per card, in the order they were assigned. */
    final Map<Long, List<Long>> cardLabels = new TreeMap<>();

    private long nextBoard = 1;
    private long nextStack = 1;
    private long nextCard = 1;
    private long nextLabel = 1;
    private long nextAcl = 1;
    private long nextAssignment = 1;
    private long nextComment = 1;
    private long nextShare = 1;

    Board addBoard(String owner, String title, String color) {
        Board board = new Board(nextBoard++, owner, title, color);
        boards.put(board.id, board);
        return board;
    }

    Stack addStack(long boardId, String title, long order) {
        Stack stack = new Stack(nextStack++, boardId, title, order);
        stacks.put(stack.id, stack);
        return stack;
    }

    Card addCard(long stackId, String owner, long now) {
        Card card = new Card(nextCard++, stackId, owner, now);
        cards.put(card.id, card);
        return card;
    }

    Label addLabel(long boardId, String title, String color) {
        Label label = new Label(nextLabel++, boardId, title, color);
        labels.put(label.id, label);
        return label;
    }

    Acl addAcl(long boardId, int type, String participant) {
        Acl acl = new Acl(nextAcl++, boardId, type, participant);
        acls.put(acl.id, acl);
        return acl;
    }

    Assignment addAssignment(long cardId, String participant) {
        Assignment assignment = new Assignment(nextAssignment++, cardId, participant);
        assignments.put(assignment.id(), assignment);
        return assignment;
    }

    Comment addComment(long cardId, String actor, long parentId, String created, String message) {
        Comment comment = new Comment(nextComment++, cardId, actor, parentId, created, message);
        comments.put(comment.id, comment);
        return comment;
    }

    CardShare addShare(long cardId, String owner, long fileId, long now) {
        CardShare share = new CardShare(nextShare++, cardId, owner, fileId, now);
        shares.put(share.id(), share);
        return share;
    }

    Optional<Board> board(long id) {
        return Optional.ofNullable(boards.get(id));
    }

    Optional<Stack> stack(long id) {
        return Optional.ofNullable(stacks.get(id)).filter(stack -> !stack.deleted());
    }

    Optional<Card> card(long id) {
        return Optional.ofNullable(cards.get(id));
    }

    Optional<Label> label(long id) {
        return Optional.ofNullable(labels.get(id));
    }

    /** The board a stack, card or label belongs to. */
    Optional<Board> boardOfStack(long stackId) {
        return Optional.ofNullable(stacks.get(stackId)).flatMap(stack -> board(stack.boardId));
    }

    Optional<Board> boardOfCard(long cardId) {
        return card(cardId).flatMap(card -> boardOfStack(card.stackId));
    }

    /** The board's stacks that are not deleted, in Deck's order: by {@code order}, then id. */
    List<Stack> stacksOf(long boardId) {
        return sorted(stacks.values(), stack -> stack.boardId == boardId && !stack.deleted(),
                Comparator.comparingLong((Stack stack) -> stack.order).thenComparingLong(stack -> stack.id));
    }

    /** The stack's cards that are not deleted and, as asked, archived or not, by {@code order}, then id. */
    List<Card> cardsOf(long stackId, boolean archived) {
        return sorted(cards.values(), card -> card.stackId == stackId && !card.deleted() && card.archived == archived,
                Comparator.comparingLong((Card card) -> card.order).thenComparingLong(card -> card.id));
    }

    List<Label> labelsOf(long boardId) {
        return sorted(labels.values(), label -> label.boardId == boardId, Comparator.comparingLong(label -> label.id));
    }

    List<Label> labelsOfCard(long cardId) {
        return cardLabels.getOrDefault(cardId, List.of()).stream().map(labels::get).toList();
    }

    List<Acl> aclsOf(long boardId) {
        return sorted(acls.values(), acl -> acl.boardId == boardId, Comparator.comparingLong(acl -> acl.id));
    }

    List<Assignment> assignmentsOf(long cardId) {
        return sorted(assignments.values(), assignment -> assignment.cardId() == cardId,
                Comparator.comparingLong(Assignment::id));
    }

    List<Comment> commentsOf(long cardId) {
        return sorted(comments.values(), comment -> comment.cardId == cardId,
                Comparator.comparingLong((Comment comment) -> comment.id).reversed());
    }

    List<CardShare> sharesOf(long cardId) {
        return sorted(shares.values(), share -> share.cardId() == cardId, Comparator.comparingLong(CardShare::id));
    }

    private static <T> List<T> sorted(Iterable<T> all, Predicate<T> filter, Comparator<T> order) {
        List<T> out = new ArrayList<>();
        all.forEach(item -> {
            if (filter.test(item)) {
                out.add(item);
            }
        });
        out.sort(order);
        return out;
    }
}
