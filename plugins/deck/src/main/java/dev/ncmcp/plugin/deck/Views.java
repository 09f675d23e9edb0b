package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Acl;
import dev.ncmcp.plugin.deck.DeckModel.Attachment;
import dev.ncmcp.plugin.deck.DeckModel.Board;
import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.plugin.deck.DeckModel.Comment;
import dev.ncmcp.plugin.deck.DeckModel.Label;
import dev.ncmcp.plugin.deck.DeckModel.Permissions;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.plugin.deck.DeckModel.User;
import dev.ncmcp.plugin.deck.DeckResults.AttachmentView;
import dev.ncmcp.plugin.deck.DeckResults.BoardSummary;
import dev.ncmcp.plugin.deck.DeckResults.BoardView;
import dev.ncmcp.plugin.deck.DeckResults.CardSummary;
import dev.ncmcp.plugin.deck.DeckResults.CardView;
import dev.ncmcp.plugin.deck.DeckResults.CommentRef;
import dev.ncmcp.plugin.deck.DeckResults.CommentView;
import dev.ncmcp.plugin.deck.DeckResults.LabelRef;
import dev.ncmcp.plugin.deck.DeckResults.LabelView;
import dev.ncmcp.plugin.deck.DeckResults.PermissionsView;
import dev.ncmcp.plugin.deck.DeckResults.ShareView;
import dev.ncmcp.plugin.deck.DeckResults.StackView;
import dev.ncmcp.plugin.deck.DeckResults.UserView;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Deck's objects as the tools show them. */
final class Views {
    static final Comparator<Stack> STACK_ORDER = Comparator.comparingLong(Stack::order).thenComparingLong(Stack::id);
    static final Comparator<Card> CARD_ORDER = Comparator.comparingLong(Card::order).thenComparingLong(Card::id);

    private Views() {
    }

    static UserView user(User user) {
        return new UserView(user.id(), user.displayName());
    }

    static LabelView label(Label label) {
        return new LabelView(label.id(), label.title(), label.color());
    }

    static StackView stack(Stack stack) {
        return new StackView(stack.id(), stack.title(), stack.order());
    }

    static PermissionsView permissions(Permissions permissions) {
        return new PermissionsView(permissions.read(), permissions.edit(), permissions.manage(), permissions.share());
    }

    static ShareView share(Acl acl) {
        String type = switch (acl.type()) {
            case 0 -> "user";
            case 1 -> "group";
            default -> "team";
        };
        return new ShareView(acl.participant().id(), acl.participant().displayName(), type, acl.edit(), acl.share(),
                acl.manage());
    }

    static BoardSummary boardSummary(Board board, boolean details) {
        return new BoardSummary(board.id(), board.title(), board.color(), board.archived(), user(board.owner()),
                board.shared(), permissions(board.permissions()), time(board.lastModified()),
                details ? Optional.of(stacks(board.stacks())) : Optional.empty(),
                details ? Optional.of(board.labels().stream().map(Views::label).toList()) : Optional.empty());
    }

    static BoardView board(Board board) {
        return new BoardView(board.id(), board.title(), board.color(), board.archived(), user(board.owner()),
                permissions(board.permissions()), stacks(board.stacks()),
                board.labels().stream().map(Views::label).toList(),
                board.users().stream().map(Views::user).toList(), board.acl().stream().map(Views::share).toList(),
                time(board.lastModified()));
    }

    static List<StackView> stacks(List<Stack> stacks) {
        return stacks.stream().sorted(STACK_ORDER).map(Views::stack).toList();
    }

    static CardSummary cardSummary(Card card, int descriptionChars) {
        return new CardSummary(card.id(), card.stackId(), card.title(), preview(card.description(), descriptionChars),
                card.duedate(), card.isDone(), card.archived(),
                card.labels().stream().map(label -> new LabelRef(label.id(), label.title())).toList(),
                card.assignees().stream().map(User::id).toList(), card.commentsCount(), card.attachmentCount(),
                card.order());
    }

    static CardView card(Card card, long boardId) {
        return new CardView(card.id(), boardId, card.stackId(), card.title(), card.description(), card.type(),
                card.duedate(), card.done(), card.archived(), card.order(), user(card.owner()),
                card.labels().stream().map(Views::label).toList(), card.assignees().stream().map(Views::user).toList(),
                card.commentsCount(), card.attachmentCount(), time(card.createdAt()), time(card.lastModified()));
    }

    static CommentView comment(Comment comment) {
        return new CommentView(comment.id(), comment.cardId(), comment.message(), comment.author().id(),
                comment.author().displayName(), comment.created(), comment.mentions(),
                comment.replyTo().map(parent -> new CommentRef(parent.id(), parent.author().id(), parent.message())));
    }

    static AttachmentView attachment(Attachment attachment) {
        return new AttachmentView(attachment.id(), attachment.type(), attachment.name(), attachment.path(),
                attachment.size(), attachment.mimeType(), attachment.createdBy(), time(attachment.createdAt()));
    }

    /** The first {@code chars} characters on one line, with an ellipsis when cut; never a split surrogate pair. */
    static String preview(String text, int chars) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= chars) {
            return flat;
        }
        int end = chars > 0 && Character.isHighSurrogate(flat.charAt(chars - 1)) ? chars - 1 : chars;
        return flat.substring(0, end).stripTrailing() + "…";
    }

    static String time(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
