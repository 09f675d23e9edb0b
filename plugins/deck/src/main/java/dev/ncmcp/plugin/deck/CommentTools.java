package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Comment;
import dev.ncmcp.plugin.deck.DeckResults.CommentList;
import dev.ncmcp.plugin.deck.DeckResults.CommentView;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.DeckPlugin.READ;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/**
 * Card comments (Deck's OCS API): list, add or reply, edit, delete. Only the author may edit or delete a comment;
 * Nextcloud keeps at most 1000 characters per comment.
 */
final class CommentTools {
    static final int MAX_MESSAGE = 1000;
    private static final String CARD = "Card id, from nc_deck_get_board_overview or nc_deck_list_cards";
    private static final String COMMENT = "Comment id, from nc_deck_list_comments";
    private static final String MESSAGE = "The text, at most 1000 characters; @user mentions notify that user";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_list_comments", ListComments.class, CommentList.class)
                        .title("List Deck card comments")
                        .description("""
                                Returns a card's comments, newest first: id, text, author, time, the users it \
                                mentions and the comment it replies to; pass nextCursor back for older ones.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.comments().size() + " comment(s)")
                        .handler(this::listComments),
                Tool.define("nc_deck_add_comment", AddComment.class, CommentView.class)
                        .title("Comment on Deck card")
                        .description("""
                                Adds a comment to a card, or a reply to one of its comments with replyTo, and \
                                returns it with its id. Anyone who can see the card may comment.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::addComment),
                Tool.define("nc_deck_edit_comment", EditComment.class, CommentView.class)
                        .title("Edit Deck card comment")
                        .description("""
                                Replaces the text of one of the user's own comments on a card and returns the \
                                comment. Other people's comments cannot be edited.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::editComment),
                Tool.define("nc_deck_delete_comment", CommentId.class, Deleted.class)
                        .title("Delete Deck card comment")
                        .description("""
                                Deletes one of the user's own comments on a card; returns the id of the deleted \
                                comment. Other people's comments cannot be deleted.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteComment));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    record ListComments(@Description(CARD) @Range(min = 1) long cardId,
                        @Description("Maximum number of comments to return") @Range(min = 1, max = 200) @Default("20")
                        int limit,
                        @Description("The nextCursor of the previous call, to continue with older comments")
                        @Matches("\\d{1,9}") Optional<String> cursor) {
    }

    /** Deck pages comments by offset; the cursor is the offset of the next page, asked for one comment ahead. */
    CommentList listComments(ListComments args, ToolInvocation call) throws ToolException {
        int offset = args.cursor().map(Integer::parseInt).orElse(0);
        List<Comment> page = api(call).comments(args.cardId(), args.limit() + 1, offset);
        boolean more = page.size() > args.limit();
        List<CommentView> comments = page.stream().limit(args.limit()).map(Views::comment).toList();
        Optional<String> next = more ? Optional.of(Integer.toString(offset + args.limit())) : Optional.empty();
        return new CommentList(comments, next);
    }

    record AddComment(@Description(CARD) @Range(min = 1) long cardId,
                      @Description(MESSAGE) @Length(min = 1, max = MAX_MESSAGE) String message,
                      @Description("Id of a comment on the same card to reply to") @Range(min = 1)
                      Optional<Long> replyTo) {
        AddComment {
            message = NonBlank.check("message", message);
        }
    }

    CommentView addComment(AddComment args, ToolInvocation call) throws ToolException {
        var fields = Json.createObjectBuilder().add("message", args.message());
        args.replyTo().ifPresent(parent -> fields.add("parentId", parent));
        return Views.comment(api(call).addComment(args.cardId(), fields.build()));
    }

    record EditComment(@Description(CARD) @Range(min = 1) long cardId,
                       @Description(COMMENT) @Range(min = 1) long commentId,
                       @Description(MESSAGE) @Length(min = 1, max = MAX_MESSAGE) String message) {
        EditComment {
            message = NonBlank.check("message", message);
        }
    }

    CommentView editComment(EditComment args, ToolInvocation call) throws ToolException {
        return Views.comment(api(call).editComment(args.cardId(), args.commentId(),
                Json.createObjectBuilder().add("message", args.message()).build()));
    }

    record CommentId(@Description(CARD) @Range(min = 1) long cardId,
                     @Description(COMMENT) @Range(min = 1) long commentId) {
    }

    Deleted deleteComment(CommentId args, ToolInvocation call) throws ToolException {
        api(call).deleteComment(args.cardId(), args.commentId());
        return new Deleted("comment", args.commentId(), "", true);
    }
}
