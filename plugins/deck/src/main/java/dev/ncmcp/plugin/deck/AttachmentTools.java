package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.CardArgs.CardId;
import dev.ncmcp.plugin.deck.DeckApi.CardRef;
import dev.ncmcp.plugin.deck.DeckModel.Attachment;
import dev.ncmcp.plugin.deck.DeckResults.AttachmentList;
import dev.ncmcp.plugin.deck.DeckResults.AttachmentView;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Name;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;

import java.util.List;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;
import static dev.ncmcp.plugin.deck.DeckPlugin.READ;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/**
 * Card attachments: list, attach a file of the user's files (shared with the card, not copied), remove. Listed
 * through Deck's API 1.1, as 1.0 leaves out attached files and shows only uploads.
 */
final class AttachmentTools {

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_list_attachments", CardId.class, AttachmentList.class)
                        .title("List Deck card attachments")
                        .description("""
                                Returns a card's attachments: id, type (file: one of someone's Nextcloud files \
                                shared with the card; deck_file: an upload), name, path, size, MIME type, who \
                                attached it and when. Read a file attachment with the Files tools by its path.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.attachments().size() + " attachment(s)")
                        .handler(this::listAttachments),
                Tool.define("nc_deck_attach_file", AttachFile.class, AttachmentView.class)
                        .title("Attach file to Deck card")
                        .description("""
                                Attaches one of the user's Nextcloud files (or a folder) to a card by sharing it \
                                with the card: it stays where it is, and everyone on the board can open it. Returns \
                                the new attachment with its id.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::attachFile),
                Tool.define("nc_deck_delete_attachment", DeleteAttachment.class, Deleted.class)
                        .title("Remove Deck card attachment")
                        .description("""
                                Removes an attachment from a card. For type file only the link to the card goes; the \
                                file stays in its owner's files. An upload (deck_file) is deleted. Returns the id of \
                                the removed attachment.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteAttachment));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    AttachmentList listAttachments(CardId args, ToolInvocation call) throws ToolException {
        List<AttachmentView> attachments = api(call).attachments(args.ref()).stream().map(Views::attachment).toList();
        return new AttachmentList(args.cardId(), attachments);
    }

    record AttachFile(@Description(BOARD) @Range(min = 1) long boardId,
                      @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                      @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                      @Description("Path of the file in the user's files, e.g. /Documents/spec.pdf") @Length(min = 1)
                      String path) {
    }

    AttachmentView attachFile(AttachFile args, ToolInvocation call) throws ToolException {
        FilePath path = FilePath.parse("path", args.path());
        if (path.isRoot()) {
            throw ToolException.invalidArgument("'path' must name a file or folder in your files, not the root folder");
        }
        DeckApi api = api(call);
        CardRef card = new CardRef(args.boardId(), args.stackId(), args.cardId());
        long share = api.shareWithCard(path.path(), api.card(card).id());
        return api.attachments(card).stream().filter(attachment -> attachment.id() == share
                        && attachment.type().equals("file")).findFirst().map(Views::attachment)
                .orElseThrow(() -> ToolException.upstream("Nextcloud shared " + path.path() + " with card "
                        + args.cardId() + " (share " + share + "), but Deck does not list it among its attachments"));
    }

    /** The two kinds of attachment. */
    enum AttachmentType {
        @Name("file") FILE,
        @Name("deck_file") DECK_FILE;

        String deck() {
            return this == FILE ? "file" : "deck_file";
        }
    }

    record DeleteAttachment(@Description(BOARD) @Range(min = 1) long boardId,
                            @Description(CardArgs.STACK) @Range(min = 1) long stackId,
                            @Description(CardArgs.CARD) @Range(min = 1) long cardId,
                            @Description("Attachment id, from nc_deck_list_attachments") @Range(min = 1)
                            long attachmentId,
                            @Description("The attachment's type from nc_deck_list_attachments: file or deck_file")
                            @Default("file") AttachmentType type) {
    }

    Deleted deleteAttachment(DeleteAttachment args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        CardRef card = new CardRef(args.boardId(), args.stackId(), args.cardId());
        String name = api.attachments(card).stream()
                .filter(attachment -> attachment.id() == args.attachmentId()
                        && attachment.type().equals(args.type().deck()))
                .map(Attachment::name).findFirst()
                .orElseThrow(() -> ToolException.notFound("Card " + args.cardId() + " has no " + args.type().deck()
                        + " attachment " + args.attachmentId() + ". nc_deck_list_attachments lists its attachments."));
        api.deleteAttachment(card, args.type().deck(), args.attachmentId());
        return new Deleted("attachment", args.attachmentId(), name, true);
    }
}
