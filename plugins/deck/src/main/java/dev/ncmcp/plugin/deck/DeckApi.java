package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Attachment;
import dev.ncmcp.plugin.deck.DeckModel.Board;
import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.plugin.deck.DeckModel.Comment;
import dev.ncmcp.plugin.deck.DeckModel.Label;
import dev.ncmcp.plugin.deck.DeckModel.Stack;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Ocs;
import dev.ncmcp.spi.nextcloud.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * Deck's REST API ({@code /index.php/apps/deck/api/v1.0}, v1.1 for attachments) and its OCS comments, with Deck's
 * answers turned into objects or into errors a model can act on. Deck answers 403 "Permission denied" alike for a
 * foreign object, a missing one and one on a deleted board, and 403 "Card is deleted" for a deleted card.
 */
final class DeckApi {
    static final String API = "/index.php/apps/deck/api/v1.0";
    static final String API_V11 = "/index.php/apps/deck/api/v1.1";
    static final String OCS = "/ocs/v2.php/apps/deck/api/v1.0";
    static final String SHARES = "/ocs/v2.php/apps/files_sharing/api/v1/shares";
    /** The share type of Deck's share provider: a file shared with a card. */
    static final int DECK_SHARE = 12;

    private final NextcloudClient client;

    DeckApi(NextcloudClient client) {
        this.client = client;
    }

    // ---- boards

    /** Every board the caller owns or is shared, deleted ones included; with stacks and labels on request. */
    List<Board> boards(boolean details) throws ToolException {
        NextcloudRequest.Builder request = get(API + "/boards");
        if (details) {
            request.query("details", "true");
        }
        return array(send(request.build(), "your boards")).stream().map(Board::of).toList();
    }

    Board board(long boardId) throws ToolException {
        return Board.of(object(send(get(boardPath(boardId)).build(), boardSubject(boardId))));
    }

    Board createBoard(JsonObject fields) throws ToolException {
        return Board.of(object(send(write("POST", API + "/boards", fields), "the new board")));
    }

    Board updateBoard(long boardId, JsonObject fields) throws ToolException {
        return Board.of(object(send(write("PUT", boardPath(boardId), fields), boardSubject(boardId))));
    }

    Board deleteBoard(long boardId) throws ToolException {
        return Board.of(object(send(delete(boardPath(boardId)), boardSubject(boardId))));
    }

    void addAcl(long boardId, JsonObject fields) throws ToolException {
        send(write("POST", boardPath(boardId) + "/acl", fields), "the sharing of " + boardSubject(boardId));
    }

    void updateAcl(long boardId, long aclId, JsonObject fields) throws ToolException {
        send(write("PUT", boardPath(boardId) + "/acl/" + aclId, fields), "the sharing of " + boardSubject(boardId));
    }

    void deleteAcl(long boardId, long aclId) throws ToolException {
        send(delete(boardPath(boardId) + "/acl/" + aclId), "the sharing of " + boardSubject(boardId));
    }

    // ---- stacks

    /** The board's stacks with their open cards. */
    List<Stack> stacks(long boardId) throws ToolException {
        String subject = "the stacks of " + boardSubject(boardId);
        return array(send(get(boardPath(boardId) + "/stacks").build(), subject)).stream().map(Stack::of).toList();
    }

    /** The board's stacks with their archived cards. */
    List<Stack> archivedStacks(long boardId) throws ToolException {
        String subject = "the archived cards of " + boardSubject(boardId);
        NextcloudRequest request = get(boardPath(boardId) + "/stacks/archived").build();
        return array(send(request, subject)).stream().map(Stack::of).toList();
    }

    Stack stack(long boardId, long stackId) throws ToolException {
        return Stack.of(object(send(get(stackPath(boardId, stackId)).build(), stackSubject(boardId, stackId))));
    }

    Stack createStack(long boardId, JsonObject fields) throws ToolException {
        String subject = "a new stack on " + boardSubject(boardId);
        return Stack.of(object(send(write("POST", boardPath(boardId) + "/stacks", fields), subject)));
    }

    Stack updateStack(long boardId, long stackId, JsonObject fields) throws ToolException {
        String subject = stackSubject(boardId, stackId);
        return Stack.of(object(send(write("PUT", stackPath(boardId, stackId), fields), subject)));
    }

    void deleteStack(long boardId, long stackId) throws ToolException {
        send(delete(stackPath(boardId, stackId)), stackSubject(boardId, stackId));
    }

    // ---- labels

    Label label(long boardId, long labelId) throws ToolException {
        return Label.of(object(send(get(labelPath(boardId, labelId)).build(), labelSubject(boardId, labelId))));
    }

    Label createLabel(long boardId, JsonObject fields) throws ToolException {
        String subject = "a new label on " + boardSubject(boardId);
        return Label.of(object(send(write("POST", boardPath(boardId) + "/labels", fields), subject)));
    }

    Label updateLabel(long boardId, long labelId, JsonObject fields) throws ToolException {
        String subject = labelSubject(boardId, labelId);
        return Label.of(object(send(write("PUT", labelPath(boardId, labelId), fields), subject)));
    }

    void deleteLabel(long boardId, long labelId) throws ToolException {
        send(delete(labelPath(boardId, labelId)), labelSubject(boardId, labelId));
    }

    // ---- cards

    Card card(CardRef ref) throws ToolException {
        return Card.of(object(send(get(cardPath(ref)).build(), ref.subject())));
    }

    Card createCard(long boardId, long stackId, JsonObject fields) throws ToolException {
        return Card.of(object(send(write("POST", stackPath(boardId, stackId) + "/cards", fields),
                "a new card in " + stackSubject(boardId, stackId))));
    }

    /** PUT of the whole card; the stack in {@code ref} is where the card goes. */
    void updateCard(CardRef ref, JsonObject fields) throws ToolException {
        send(write("PUT", cardPath(ref), fields), ref.subject());
    }

    void deleteCard(CardRef ref) throws ToolException {
        send(delete(cardPath(ref)), ref.subject());
    }

    /** A card action such as {@code assignLabel}, {@code reorder} or {@code archive}; its answer as sent. */
    NextcloudResponse cardAction(CardRef ref, String action, JsonObject fields) throws ToolException {
        return client.send(write("PUT", cardPath(ref) + "/" + action, fields));
    }

    JsonValue checked(NextcloudResponse response, String subject) throws ToolException {
        return json(check(response, subject));
    }

    // ---- attachments (API 1.1 lists every type; 1.0 only uploads)

    List<Attachment> attachments(CardRef ref) throws ToolException {
        NextcloudRequest request = get(cardPath(API_V11, ref) + "/attachments").build();
        return array(send(request, "the attachments of " + ref.subject())).stream().map(Attachment::of).toList();
    }

    void deleteAttachment(CardRef ref, String type, long attachmentId) throws ToolException {
        send(delete(cardPath(API_V11, ref) + "/attachments/" + type + "/" + attachmentId),
                "attachment " + attachmentId + " of " + ref.subject());
    }

    /** Shares one of the caller's files with the card (share type 12), which makes it an attachment. */
    long shareWithCard(String path, long cardId) throws ToolException {
        JsonObject body = Json.createObjectBuilder().add("path", path).add("shareType", DECK_SHARE)
                .add("shareWith", Long.toString(cardId)).add("permissions", 1).build();
        NextcloudRequest request = Ocs.request("POST", SHARES).json(body).build();
        NextcloudResponse response = Answer.of(client.send(request)).about("card " + cardId)
                .on(404, refusal -> ToolException.notFound("'" + path + "' is not in your files: " + refusal.reason()
                        .orElse("Nextcloud found no such file") + ". Check the path with the Files tools."))
                .on(403, refusal -> ToolException.permissionDenied("Nextcloud does not let you attach '" + path
                        + "' to card " + cardId + refusal.reason().map(reason -> " (" + reason + ")").orElse("")
                        + ": you need to be allowed to edit the card and to share the file."))
                .expect(200);
        JsonValue data = Ocs.data("POST", request.path(), response);
        if (!(data instanceof JsonObject share) || !(share.get("id") instanceof JsonString id)) {
            throw ToolException.upstream("Nextcloud answered the share of '" + path + "' without a share id");
        }
        return Long.parseLong(id.getString());
    }

    // ---- comments (OCS)

    List<Comment> comments(long cardId, int limit, int offset) throws ToolException {
        NextcloudRequest request = Ocs.request("GET", OCS + "/cards/" + cardId + "/comments")
                .query("limit", Integer.toString(limit)).query("offset", Integer.toString(offset)).build();
        return ocsArray(request, "the comments of card " + cardId).stream().map(Comment::of).toList();
    }

    Comment addComment(long cardId, JsonObject fields) throws ToolException {
        return Comment.of(ocsObject(Ocs.request("POST", OCS + "/cards/" + cardId + "/comments").json(fields).build(),
                "a comment on card " + cardId));
    }

    Comment editComment(long cardId, long commentId, JsonObject fields) throws ToolException {
        return Comment.of(ocsObject(Ocs.request("PUT", OCS + "/cards/" + cardId + "/comments/" + commentId)
                .json(fields).build(), "comment " + commentId + " of card " + cardId));
    }

    void deleteComment(long cardId, long commentId) throws ToolException {
        NextcloudRequest request = Ocs.request("DELETE", OCS + "/cards/" + cardId + "/comments/" + commentId).build();
        check(client.send(request), "comment " + commentId + " of card " + cardId);
    }

    // ---- plumbing

    private List<JsonObject> ocsArray(NextcloudRequest request, String subject) throws ToolException {
        NextcloudResponse response = check(client.send(request), subject);
        if (!(Ocs.data(request.method(), request.path(), response) instanceof JsonArray array)) {
            throw ToolException.upstream("Deck answered " + subject + " with something that is not a list");
        }
        return array.getValuesAs(JsonObject.class);
    }

    private JsonObject ocsObject(NextcloudRequest request, String subject) throws ToolException {
        NextcloudResponse response = check(client.send(request), subject);
        if (!(Ocs.data(request.method(), request.path(), response) instanceof JsonObject object)) {
            throw ToolException.upstream("Deck answered " + subject + " with something that is not an object");
        }
        return object;
    }

    private JsonValue send(NextcloudRequest request, String subject) throws ToolException {
        return json(check(client.send(request), subject));
    }

    /**
     * Deck's refusals as errors: 403 "Card is deleted" is a missing card, any other 403 an object the caller cannot
     * reach (missing, foreign or on a deleted board; Deck does not tell which); 400 carries Deck's validation sentence.
     */
    static NextcloudResponse check(NextcloudResponse response, String subject) throws ToolException {
        return Answer.of(response).about(subject)
                .on(403, refusal -> forbidden(refusal, subject))
                .on(400, refusal -> ToolException.invalidArgument("Deck rejected " + subject + ": "
                        + refusal.reason().map(String::strip).orElse("invalid request (HTTP 400)") + "."))
                .on(404, refusal -> refusal.reason().isPresent()
                        ? ToolException.notFound(capitalised(subject) + ": " + refusal.reason().get())
                        : ToolException.notFound("The Deck app is not installed or not enabled for this user."))
                .expect(200);
    }

    private static ToolException forbidden(Refusal refusal, String subject) {
        if (refusal.says("card is deleted")) {
            return ToolException.notFound(capitalised(subject) + " was deleted. Use nc_deck_list_cards or "
                    + "nc_deck_get_board_overview to find the board's current cards.");
        }
        if (refusal.says("permission denied")) {
            return ToolException.permissionDenied(capitalised(subject) + " does not exist, was deleted, or is not "
                    + "shared with you with the permission this needs (Deck answers 403 'Permission denied' to all "
                    + "of these). Check the ids with nc_deck_list_boards and nc_deck_get_board, which also shows your "
                    + "permissions.");
        }
        return ToolException.permissionDenied("Deck refused this on " + subject + ": "
                + refusal.reason().orElse("HTTP 403") + ".");
    }

    static JsonValue json(NextcloudResponse response) throws NextcloudException {
        return response.body().length == 0 ? JsonValue.NULL : response.json();
    }

    private static JsonObject object(JsonValue value) throws ToolException {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ToolException.upstream("Deck answered with something that is not an object");
    }

    private static List<JsonObject> array(JsonValue value) throws ToolException {
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
        }
        throw ToolException.upstream("Deck answered with something that is not a list");
    }

    private static NextcloudRequest.Builder get(String path) {
        return NextcloudRequest.get(path).header("OCS-APIREQUEST", "true").header("Accept", "application/json");
    }

    private static NextcloudRequest write(String method, String path, JsonObject fields) {
        return NextcloudRequest.builder(method, path).header("OCS-APIREQUEST", "true").json(fields).build();
    }

    private static NextcloudRequest delete(String path) {
        return NextcloudRequest.delete(path).header("OCS-APIREQUEST", "true").header("Accept", "application/json")
                .build();
    }

    static String boardPath(long boardId) {
        return API + "/boards/" + boardId;
    }

    static String stackPath(long boardId, long stackId) {
        return boardPath(boardId) + "/stacks/" + stackId;
    }

    private static String labelPath(long boardId, long labelId) {
        return boardPath(boardId) + "/labels/" + labelId;
    }

    static String cardPath(CardRef ref) {
        return cardPath(API, ref);
    }

    private static String cardPath(String api, CardRef ref) {
        return api + "/boards/" + ref.boardId() + "/stacks/" + ref.stackId() + "/cards/" + ref.cardId();
    }

    static String boardSubject(long boardId) {
        return "board " + boardId;
    }

    static String stackSubject(long boardId, long stackId) {
        return "stack " + stackId + " of board " + boardId;
    }

    static String labelSubject(long boardId, long labelId) {
        return "label " + labelId + " of board " + boardId;
    }

    static String capitalised(String subject) {
        return subject.isEmpty() ? subject : Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }

    /** Where a card is addressed: Deck's card routes name its board and stack. */
    record CardRef(long boardId, long stackId, long cardId) {
        String subject() {
            return "card " + cardId;
        }

        CardRef in(long newBoardId, long newStackId) {
            return new CardRef(newBoardId, newStackId, cardId);
        }
    }
}
