package dev.ncmcp.plugin.deck;

import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Format;

import java.util.List;
import java.util.Optional;

/** What the Deck tools return: each record is an output schema and the structured content written from it. */
final class DeckResults {
    static final String BOARD_ID = "Board id; pass it to the other nc_deck_ tools";
    static final String STACK_ID = "Stack (column) id";
    static final String CARD_ID = "Card id";
    static final String DUE = "Due date, ISO-8601 with offset; absent when the card has none";
    static final String MODIFIED = "Last change, ISO-8601 UTC";

    private DeckResults() {
    }

    record UserView(@Description("User id (login name)") String id,
                    @Description("Display name") String displayName) {
    }

    record LabelView(@Description("Label id; pass it to nc_deck_change_card_labels") long id,
                     @Description("Label title") String title,
                     @Description("Color as six hex digits, e.g. 31CC7C") String color) {
    }

    record PermissionsView(@Description("May read the board") boolean read,
                           @Description("May create and change cards") boolean edit,
                           @Description("May change the board, its stacks and labels, and delete it") boolean manage,
                           @Description("May share the board with others") boolean share) {
    }

    record StackView(@Description(STACK_ID) long id, @Description("Stack title") String title,
                     @Description("Position among the board's stacks, lowest first") long order) {
    }

    record ShareView(@Description("Who: a user id or a group id") String participant,
                     @Description("Display name of the participant") String displayName,
                     @Description("user, group or team") String type,
                     @Description("May create and change cards") boolean canEdit,
                     @Description("May share the board further") boolean canShare,
                     @Description("May manage the board") boolean canManage) {
    }

    record BoardSummary(@Description(BOARD_ID) long id, @Description("Board title") String title,
                        @Description("Color as six hex digits") String color,
                        @Description("Whether the board is archived (read-only until unarchived)") boolean archived,
                        @Description("Owner of the board") UserView owner,
                        @Description("True when someone else owns the board and shares it with you")
                        boolean sharedWithYou,
                        @Description("What you may do on the board") PermissionsView permissions,
                        @Description(MODIFIED) @Format("date-time") String modified,
                        @Description("The board's stacks; only with details=true") Optional<List<StackView>> stacks,
                        @Description("The board's labels; only with details=true") Optional<List<LabelView>> labels) {
    }

    record BoardList(@Description("The boards, by id") List<BoardSummary> boards,
                     @Description("Number of boards listed") int total) {
    }

    record BoardView(@Description(BOARD_ID) long id, @Description("Board title") String title,
                     @Description("Color as six hex digits") String color,
                     @Description("Whether the board is archived (read-only until unarchived)") boolean archived,
                     @Description("Owner of the board") UserView owner,
                     @Description("What you may do on the board") PermissionsView permissions,
                     @Description("The stacks (columns), in board order") List<StackView> stacks,
                     @Description("The labels cards can carry") List<LabelView> labels,
                     @Description("Everyone with access: the owner and the users it is shared with")
                     List<UserView> members,
                     @Description("The shares of the board and their permissions") List<ShareView> sharedWith,
                     @Description(MODIFIED) @Format("date-time") String modified) {
    }

    record LabelRef(@Description("Label id") long id, @Description("Label title") String title) {
    }

    record CardSummary(@Description(CARD_ID) long id, @Description("The stack the card is in") long stackId,
                       @Description("Card title") String title,
                       @Description("Start of the description (markdown), cut to the requested length")
                       String description,
                       @Description(DUE) Optional<String> duedate,
                       @Description("Whether the card is marked done") boolean done,
                       @Description("Whether the card is archived") boolean archived,
                       @Description("Labels on the card") List<LabelRef> labels,
                       @Description("User ids assigned to the card") List<String> assignees,
                       @Description("Number of comments") long comments,
                       @Description("Number of attachments") long attachments,
                       @Description("Position in its stack, lowest first") long order) {
    }

    record CardView(@Description(CARD_ID) long id, @Description("The board the card is on") long boardId,
                    @Description("The stack the card is in") long stackId,
                    @Description("Card title") String title,
                    @Description("Description, markdown; empty when none") String description,
                    @Description("plain or text") String type,
                    @Description(DUE) Optional<String> duedate,
                    @Description("When the card was marked done, ISO-8601; absent when it is not done")
                    Optional<String> done,
                    @Description("Whether the card is archived") boolean archived,
                    @Description("Position in its stack, lowest first") long order,
                    @Description("Who created the card") UserView owner,
                    @Description("Labels on the card") List<LabelView> labels,
                    @Description("Users assigned to the card") List<UserView> assignees,
                    @Description("Number of comments; read them with nc_deck_list_comments") long comments,
                    @Description("Number of attachments; list them with nc_deck_list_attachments") long attachments,
                    @Description("Creation time, ISO-8601 UTC") @Format("date-time") String created,
                    @Description(MODIFIED) @Format("date-time") String modified) {
    }

    record CardList(@Description("The cards: by stack order, then position") List<CardSummary> cards,
                    @Description("Number of matching cards before the limit") int total,
                    @Description("Pass it as 'cursor' to get the next cards; absent on the last page")
                    Optional<String> nextCursor) {
    }

    record StackOverview(@Description(STACK_ID) long id, @Description("Stack title") String title,
                         @Description("Position among the stacks") long order,
                         @Description("The stack's matching cards, by position, at most cardsPerStack")
                         List<CardSummary> cards,
                         @Description("Number of matching cards in the stack") int total,
                         @Description("True when the stack has more matching cards than shown; page through them "
                                 + "with nc_deck_list_cards") boolean truncated) {
    }

    record BoardOverview(@Description(BOARD_ID) long id, @Description("Board title") String title,
                         @Description("Whether the board is archived") boolean archived,
                         @Description("The board's labels") List<LabelView> labels,
                         @Description("The stacks in board order, each with its cards") List<StackOverview> stacks,
                         @Description("Number of matching cards on the board") int totalCards) {
    }

    record CommentRef(@Description("Id of the comment replied to") long id,
                      @Description("Its author's user id") String author,
                      @Description("Its text") String message) {
    }

    record CommentView(@Description("Comment id") long id, @Description(CARD_ID) long cardId,
                       @Description("The text; @user mentions notify that user") String message,
                       @Description("Author's user id") String author,
                       @Description("Author's display name") String authorName,
                       @Description("When it was written, ISO-8601") String created,
                       @Description("User ids mentioned") List<String> mentions,
                       @Description("The comment this one replies to, if any") Optional<CommentRef> replyTo) {
    }

    record CommentList(@Description("The comments, newest first") List<CommentView> comments,
                       @Description("Pass it as 'cursor' to get older comments; absent when there are no more")
                       Optional<String> nextCursor) {
    }

    record AttachmentView(@Description("Attachment id; for type file it is the id of the share") long id,
                          @Description("file: a file of someone's Nextcloud files shared with the card; deck_file: "
                                  + "a file uploaded to the card") String type,
                          @Description("File name") String name,
                          @Description("Path in the attaching user's files (type file)") Optional<String> path,
                          @Description("Size in bytes") Optional<Long> size,
                          @Description("MIME type") Optional<String> mimeType,
                          @Description("User id of who attached it") String attachedBy,
                          @Description("When it was attached, ISO-8601 UTC") @Format("date-time") String attached) {
    }

    record AttachmentList(@Description(CARD_ID) long cardId,
                          @Description("The card's attachments") List<AttachmentView> attachments) {
    }

    record Deleted(@Description("What was deleted: board, stack, card, label, comment or attachment") String kind,
                   @Description("Its id") long id,
                   @Description("Its title or name, when Deck said") String title,
                   @Description("Always true") boolean deleted) {
    }

    record BoardSharing(@Description(BOARD_ID) long boardId,
                        @Description("The shares of the board after the change") List<ShareView> sharedWith) {
    }
}
